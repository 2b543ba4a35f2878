// Package os: the process's arguments, standard streams and exit.
// deft's implementation; bodyless functions are implemented by the
// runtime (crates/runtime/src/library/os.rs).
package os

import (
	"errors"
	"internal/testlog"
	"io"
)

// The errors of failed file operations, as gc's (package io/fs's).
var (
	ErrInvalid    = errors.New("invalid argument")
	ErrPermission = errors.New("permission denied")
	ErrExist      = errors.New("file already exists")
	ErrNotExist   = errors.New("file does not exist")
	ErrClosed     = errors.New("file already closed")
)

// Args: the program name, then its arguments.
var Args []string = runtime_args()

func runtime_args() []string

func write(fd int, b []byte) int

// Exit ends the process with status code; no deferred call runs. In a
// test binary, while tests run, Exit(0) panics instead (package testing
// sets the hook: a test that ends the process with success would hide
// the tests after it).
func Exit(code int) {
	if code == 0 && testlog.PanicOnExit0() {
		panic("unexpected call to os.Exit(0) during test")
	}
	exit(code)
}

func exit(code int)

// File: an open file descriptor and the name it was opened by.
type File struct {
	fd   int
	name string
}

// The three standard streams.
var (
	Stdin  = &File{0, "/dev/stdin"}
	Stdout = &File{1, "/dev/stdout"}
	Stderr = &File{2, "/dev/stderr"}
)

// runtime_reserveFinalizerGoroutine: gc sets finalizers on the files
// above, which starts its finalizer goroutine; the runtime gives its id
// away, so that the program's goroutines get gc's ids.
func runtime_reserveFinalizerGoroutine()

func init() { runtime_reserveFinalizerGoroutine() }

// PathError: an operation on a path and how it failed.
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

type syscallError struct{ msg string }

func (e *syscallError) Error() string { return e.msg }

// Name: the name f was opened by.
func (f *File) Name() string { return f.name }

// Write writes all of b to f.
func (f *File) Write(b []byte) (n int, err error) {
	// While an example of a test binary runs, its output is kept to be
	// compared.
	if f.fd == 1 && testlog.Capture(b) {
		return len(b), nil
	}
	r := write(f.fd, b)
	if r < 0 {
		return 0, &PathError{"write", f.name, &syscallError{"write error"}}
	}
	return r, nil
}

// WriteString writes the bytes of s to f.
func (f *File) WriteString(s string) (n int, err error) {
	return f.Write([]byte(s))
}

func getenv(key string) (value string, found bool)

// Getenv: the value of environment variable key, "" when unset.
func Getenv(key string) string {
	v, _ := getenv(key)
	return v
}

// LookupEnv: the value of environment variable key and whether it is set.
func LookupEnv(key string) (string, bool) { return getenv(key) }

func read(fd int, b []byte) int

// Read reads up to len(b) bytes from f; at the end of the input it returns
// 0 and io.EOF.
func (f *File) Read(b []byte) (n int, err error) {
	if len(b) == 0 {
		return 0, nil
	}
	r := read(f.fd, b)
	if r < 0 {
		return 0, &PathError{"read", f.name, &syscallError{"read error"}}
	}
	if r == 0 {
		return 0, io.EOF
	}
	return r, nil
}
