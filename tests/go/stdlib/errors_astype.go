// run

// errors.AsType (Go 1.26): the first error of the tree that is an E, found
// through single and multiple Unwrap, by pointer and value types, through
// an As method (given one *E shared by every As method), and none.
package main

import (
	"errors"
	"fmt"
	"io/fs"
)

type codeErr struct{ code int }

func (e codeErr) Error() string { return fmt.Sprint("code ", e.code) }

type ptrErr struct{ msg string }

func (e *ptrErr) Error() string { return "ptr " + e.msg }

// asErr says it is a codeErr of its own number, and records the targets
// it was given.
type asErr struct{ n int }

var targets []any

func (e asErr) Error() string { return fmt.Sprint("as ", e.n) }
func (e asErr) As(target any) bool {
	targets = append(targets, target)
	if t, ok := target.(*codeErr); ok && e.n > 0 {
		*t = codeErr{e.n * 100}
		return true
	}
	return false
}

func main() {
	wrapped := fmt.Errorf("outer: %w", fmt.Errorf("inner: %w", codeErr{7}))
	c, ok := errors.AsType[codeErr](wrapped)
	fmt.Println(c, ok)
	p, ok := errors.AsType[*ptrErr](errors.Join(errors.New("x"), nil, &ptrErr{"joined"}))
	fmt.Println(p, ok)
	p, ok = errors.AsType[*ptrErr](wrapped)
	fmt.Println(p == nil, ok)
	c, ok = errors.AsType[codeErr](nil)
	fmt.Println(c, ok)
	c, ok = errors.AsType[codeErr](errors.Join(asErr{0}, fmt.Errorf("w: %w", asErr{3})))
	fmt.Println(c, ok, len(targets), targets[0] == targets[1])
	var pe *fs.PathError
	pe, ok = errors.AsType[*fs.PathError](fmt.Errorf("open: %w", &fs.PathError{Op: "open", Path: "/x", Err: errors.New("gone")}))
	fmt.Println(pe.Path, pe.Err, ok)
	e, ok := errors.AsType[error](codeErr{1})
	fmt.Println(e, ok)
}
