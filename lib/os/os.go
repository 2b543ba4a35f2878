// Package os: the process's arguments, standard streams, environment,
// directories and exit. deft's implementation; bodyless functions are
// implemented by the runtime (crates/runtime/src/library/os.rs).
//
// Setenv and Unsetenv change the program's view of the environment, kept
// here under envMu (as gc's syscall package keeps a copy of its own when
// cgo is off), not the process's: another thread of the runtime may be
// reading that.
package os

import (
	"errors"
	"internal/testlog"
	"io"
	"sync"
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

// Unwrap: the error of the system call.
func (e *PathError) Unwrap() error { return e.Err }

// syscallError: a failed system call's errno, as its text ("file
// exists"), which says which of the errors above it is.
type syscallError struct{ msg string }

func (e *syscallError) Error() string { return e.msg }

func (e *syscallError) Is(target error) bool {
	switch target {
	case ErrExist:
		return e.msg == "file exists" || e.msg == "directory not empty"
	case ErrNotExist:
		return e.msg == "no such file or directory"
	case ErrPermission:
		return e.msg == "permission denied" || e.msg == "operation not permitted"
	}
	return false
}

// IsExist reports whether err says that a file already exists.
func IsExist(err error) bool { return errors.Is(err, ErrExist) }

// IsNotExist reports whether err says that a file does not exist.
func IsNotExist(err error) bool { return errors.Is(err, ErrNotExist) }

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

var (
	envMu sync.Mutex
	// envSet: the variables Setenv (a value) or Unsetenv (nil) changed.
	envSet map[string]*string
)

// Getenv: the value of environment variable key, "" when unset.
func Getenv(key string) string {
	v, _ := LookupEnv(key)
	return v
}

// LookupEnv: the value of environment variable key and whether it is set.
func LookupEnv(key string) (string, bool) {
	envMu.Lock()
	v, changed := envSet[key]
	envMu.Unlock()
	if !changed {
		return getenv(key)
	}
	if v == nil {
		return "", false
	}
	return *v, true
}

// Setenv sets environment variable key to value.
func Setenv(key, value string) error {
	if key == "" || !valid(key, "=\x00") || !valid(value, "\x00") {
		return &syscallError{"setenv: invalid argument"}
	}
	changeEnv(key, &value)
	return nil
}

// Unsetenv unsets environment variable key.
func Unsetenv(key string) error {
	changeEnv(key, nil)
	return nil
}

func changeEnv(key string, value *string) {
	envMu.Lock()
	defer envMu.Unlock()
	if envSet == nil {
		envSet = make(map[string]*string)
	}
	envSet[key] = value
}

// valid: s has none of the bytes of bad.
func valid(s, bad string) bool {
	for i := 0; i < len(s); i++ {
		for j := 0; j < len(bad); j++ {
			if s[i] == bad[j] {
				return false
			}
		}
	}
	return true
}

// PathSeparator and PathListSeparator: Unix's.
const (
	PathSeparator     = '/'
	PathListSeparator = ':'
)

// FileMode: permission bits (deft keeps no type bits yet).
type FileMode uint32

func mkdir(name string, perm int) string

func removeAll(name string) string

func runtime_rand() uint64

// TempDir: the directory for temporary files, $TMPDIR or /tmp.
func TempDir() string {
	if dir := Getenv("TMPDIR"); dir != "" {
		return dir
	}
	return "/tmp"
}

// Mkdir creates directory name with permission bits perm (less the umask).
func Mkdir(name string, perm FileMode) error {
	if msg := mkdir(name, int(perm&0o777)); msg != "" {
		return &PathError{"mkdir", name, &syscallError{msg}}
	}
	return nil
}

// RemoveAll removes path and everything below it; a path that does not
// exist is no error.
func RemoveAll(path string) error {
	if path == "" {
		return nil
	}
	if msg := removeAll(path); msg != "" {
		return &PathError{"unlinkat", path, &syscallError{msg}}
	}
	return nil
}

func chdir(name string) string

func getwd() (dir string, err string)

// Chdir makes dir the working directory.
func Chdir(dir string) error {
	if msg := chdir(dir); msg != "" {
		return &PathError{"chdir", dir, &syscallError{msg}}
	}
	return nil
}

// Getwd: the working directory, an absolute path.
func Getwd() (dir string, err error) {
	dir, msg := getwd()
	if msg != "" {
		return "", &syscallError{"getwd: " + msg}
	}
	return dir, nil
}

// MkdirTemp creates a new directory in dir (TempDir() if empty) named
// after pattern, its last "*" replaced by a random number (appended if
// there is none), and returns its name.
func MkdirTemp(dir, pattern string) (string, error) {
	if dir == "" {
		dir = TempDir()
	}
	for i := 0; i < len(pattern); i++ {
		if pattern[i] == PathSeparator {
			return "", &PathError{"mkdirtemp", pattern, errors.New("pattern contains path separator")}
		}
	}
	prefix, suffix := pattern, ""
	for i := len(pattern) - 1; i >= 0; i-- {
		if pattern[i] == '*' {
			prefix, suffix = pattern[:i], pattern[i+1:]
			break
		}
	}
	if dir != "" && dir[len(dir)-1] != PathSeparator {
		prefix = dir + string(PathSeparator) + prefix
	} else {
		prefix = dir + prefix
	}
	for try := 0; ; try++ {
		name := prefix + decimal(uint32(runtime_rand())) + suffix
		err := Mkdir(name, 0o700)
		if err == nil {
			return name, nil
		}
		if !IsExist(err) || try == 10000 {
			return "", err
		}
	}
}

// decimal: n in base 10.
func decimal(n uint32) string {
	var b [10]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return string(b[i:])
}

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
