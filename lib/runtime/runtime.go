// Package runtime: what Go programs ask of the runtime. deft's
// implementation; bodyless functions are implemented by deft's runtime
// crate (crates/runtime/src/library/runtime.rs and panic.rs).
//
// deft runs a single goroutine and has no garbage collector yet: GC,
// Gosched and KeepAlive have nothing to do, and finalizers never run.
package runtime

// The target, as gc reports it.
const (
	GOOS     = "linux"
	GOARCH   = "amd64"
	Compiler = "gc"
)

// Error is implemented by the values of run-time panics (index out of
// range, nil dereference, ...).
type Error interface {
	error
	RuntimeError()
}

// Goexit runs every pending deferred call of the goroutine and ends it;
// recover returns nil meanwhile.
func Goexit()

// GC would collect garbage: deft does not collect memory yet.
func GC() {}

// Gosched yields to other goroutines: deft runs only one.
func Gosched() {}

// KeepAlive keeps x reachable up to this call: without a collector,
// everything is.
func KeepAlive(x any) {}

// SetFinalizer registers a finalizer: without a collector, none runs.
func SetFinalizer(obj any, finalizer any) {}

// NumGoroutine: deft runs only the main goroutine.
func NumGoroutine() int { return 1 }

// NumCPU: the number of processors the process may use.
func NumCPU() int

// GOMAXPROCS sets the number of threads running Go code (ignored: deft
// runs one) and returns the previous setting, NumCPU() by default.
func GOMAXPROCS(n int) int { return NumCPU() }

// GOROOT: where gc's tree would be.
func GOROOT() string { return "/usr/lib/go-1.19" }

// Version: the Go release deft follows.
func Version() string { return "go1.19.8" }

// Caller reports the function that called the function skip frames up
// the stack (0: the caller of Caller): its pc, source file and line.
func Caller(skip int) (pc uintptr, file string, line int, ok bool)
