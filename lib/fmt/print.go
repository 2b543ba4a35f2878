// Package fmt: formatted printing. deft's implementation: the formatting
// itself is the runtime's (crates/runtime/src/fmt), which reads operands
// through their type descriptors and calls their Error and String methods
// as gc's fmt does; this file is the API around it.
package fmt

import (
	"errors"
	"io"
	"os"
)

// Stringer: a value that describes itself for %v and %s.
type Stringer interface {
	String() string
}

// GoStringer: a value that describes itself for %#v.
type GoStringer interface {
	GoString() string
}

func sprintf(format string, a []any) string
func sprint(a []any) string
func sprintln(a []any) string

// Sprintf formats according to the format and returns the text.
func Sprintf(format string, a ...any) string { return sprintf(format, a) }

// Sprint formats the operands with their default formats, with spaces
// between operands when neither is a string.
func Sprint(a ...any) string { return sprint(a) }

// Sprintln formats the operands with their default formats, with spaces
// between them and a newline after the last.
func Sprintln(a ...any) string { return sprintln(a) }

// Printf is Sprintf written to standard output.
func Printf(format string, a ...any) (n int, err error) {
	return os.Stdout.WriteString(sprintf(format, a))
}

// Print is Sprint written to standard output.
func Print(a ...any) (n int, err error) { return os.Stdout.WriteString(sprint(a)) }

// Println is Sprintln written to standard output.
func Println(a ...any) (n int, err error) { return os.Stdout.WriteString(sprintln(a)) }

// Fprintf is Sprintf written to w.
func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	return w.Write([]byte(sprintf(format, a)))
}

// Fprint is Sprint written to w.
func Fprint(w io.Writer, a ...any) (n int, err error) { return w.Write([]byte(sprint(a))) }

// Fprintln is Sprintln written to w.
func Fprintln(w io.Writer, a ...any) (n int, err error) { return w.Write([]byte(sprintln(a))) }

// Append is Sprint appended to b.
func Append(b []byte, a ...any) []byte { return append(b, sprint(a)...) }

// Appendf is Sprintf appended to b.
func Appendf(b []byte, format string, a ...any) []byte { return append(b, sprintf(format, a)...) }

// Appendln is Sprintln appended to b.
func Appendln(b []byte, a ...any) []byte { return append(b, sprintln(a)...) }

// Errorf formats like Sprintf and makes the text an error. Each %w verb
// formats its operand as %v; with one %w the result wraps that operand
// (errors.Unwrap returns it, nil if it is not an error), with several it
// wraps every error operand they took, in operand order, through
// Unwrap() []error (Go 1.20).
func Errorf(format string, a ...any) error {
	wrapped := make([]bool, len(a))
	msg, n := errorf(format, a, wrapped)
	switch n {
	case 0:
		return errors.New(msg)
	case 1:
		w := &wrapError{msg: msg}
		for i, ok := range wrapped {
			if ok {
				w.err, _ = a[i].(error)
			}
		}
		return w
	}
	var errs []error
	for i, ok := range wrapped {
		if e, isErr := a[i].(error); ok && isErr {
			errs = append(errs, e)
		}
	}
	return &wrapErrors{msg, errs}
}

// errorf formats for Errorf: sets wrapped[i] (len(a) of them) for each
// operand a %w verb took and returns the number of %w verbs that took one
// (crates/runtime/src/fmt/mod.rs).
func errorf(format string, a []any, wrapped []bool) (string, int)

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }

func (e *wrapError) Unwrap() error { return e.err }

type wrapErrors struct {
	msg  string
	errs []error
}

func (e *wrapErrors) Error() string { return e.msg }

func (e *wrapErrors) Unwrap() []error { return e.errs }
