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

// Errorf formats like Sprintf and makes the text an error. With a %w verb
// whose operand is an error, the result wraps that error (errors.Unwrap
// returns it) and %w formats as %v.
func Errorf(format string, a ...any) error {
	wrapped := -1
	msg := errorf(format, a, &wrapped)
	if wrapped < 0 {
		return errors.New(msg)
	}
	err, _ := a[wrapped].(error)
	return &wrapError{msg, err}
}

// errorf formats for Errorf and sets *wrapped to the index of the operand
// a valid %w wraps, or -1.
func errorf(format string, a []any, wrapped *int) string

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }

func (e *wrapError) Unwrap() error { return e.err }
