// run

// errors.As: concrete pointer and value targets, interface targets,
// wrapped chains, custom As methods, and the panics for bad targets.
package main

import (
	"errors"
	"io"
	"strconv"
)

type codeErr struct{ code int }

func (e codeErr) Error() string { return "code " + strconv.Itoa(e.code) }

type wrapErr struct {
	msg string
	err error
}

func (e *wrapErr) Error() string { return e.msg + ": " + e.err.Error() }
func (e *wrapErr) Unwrap() error { return e.err }

type temporary interface{ Temporary() bool }

type tempErr struct{}

func (tempErr) Error() string   { return "temp" }
func (tempErr) Temporary() bool { return true }

type asErr struct{}

func (asErr) Error() string { return "as" }
func (asErr) As(target any) bool {
	if p, ok := target.(*codeErr); ok {
		*p = codeErr{42}
		return true
	}
	return false
}

func main() {
	_, err := strconv.Atoi("12x")
	var ne *strconv.NumError
	println(errors.As(err, &ne), ne.Func, ne.Num, ne.Err == strconv.ErrSyntax)

	wrapped := &wrapErr{"outer", &wrapErr{"inner", codeErr{7}}}
	var ce codeErr
	println(errors.As(wrapped, &ce), ce.code)
	var we *wrapErr
	println(errors.As(wrapped, &we), we.msg)

	var tmp temporary
	println(errors.As(wrapped, &tmp), tmp == nil)
	println(errors.As(&wrapErr{"w", tempErr{}}, &tmp), tmp != nil && tmp.Temporary())

	var anyErr error
	println(errors.As(io.EOF, &anyErr), anyErr == io.EOF)

	ce = codeErr{}
	println(errors.As(asErr{}, &ce), ce.code)
	println(errors.As(nil, &ce), errors.As(io.EOF, &ne))

	for i, target := range []any{nil, ce, (*codeErr)(nil), new(int)} {
		func() {
			defer func() { println(i, recover().(string)) }()
			errors.As(io.EOF, target)
		}()
	}
}

type ptrErr struct{ x int }

func (*ptrErr) Error() string { return "p" }

func init() {
	defer func() { println(recover().(string)) }()
	var p ptrErr
	println(errors.As(io.EOF, &p))
}
