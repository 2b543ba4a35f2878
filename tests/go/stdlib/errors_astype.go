// run

// errors.AsType (Go 1.26): the first error of the type in the tree,
// through Unwrap() error, Unwrap() []error and As methods.

package main

import (
	"errors"
	"fmt"
	"io/fs"
)

type codeError struct{ code int }

func (e *codeError) Error() string { return fmt.Sprint("code ", e.code) }

type wrapped struct{ inner error }

func (w wrapped) Error() string { return "wrapped: " + w.inner.Error() }
func (w wrapped) Unwrap() error { return w.inner }

// asCode says it is a *codeError with code 7.
type asCode struct{}

func (asCode) Error() string { return "as-code" }
func (asCode) As(target any) bool {
	if p, ok := target.(**codeError); ok {
		*p = &codeError{7}
		return true
	}
	return false
}

func main() {
	e, ok := errors.AsType[*codeError](wrapped{&codeError{3}})
	fmt.Println(e, ok)
	e, ok = errors.AsType[*codeError](errors.Join(errors.New("a"), wrapped{wrapped{&codeError{4}}}))
	fmt.Println(e, ok)
	e, ok = errors.AsType[*codeError](fmt.Errorf("x: %w", asCode{}))
	fmt.Println(e, ok)
	e, ok = errors.AsType[*codeError](errors.New("plain"))
	fmt.Println(e == nil, ok)
	e, ok = errors.AsType[*codeError](nil)
	fmt.Println(e == nil, ok)
	w, ok := errors.AsType[wrapped](fmt.Errorf("y: %w", wrapped{errors.New("z")}))
	fmt.Println(w, ok)
	pe, ok := errors.AsType[*fs.PathError](fmt.Errorf("open: %w", &fs.PathError{Op: "open", Path: "f", Err: fs.ErrNotExist}))
	fmt.Println(pe, ok)
}
