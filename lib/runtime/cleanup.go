// Cleanups, and the hooks upstream internal/godebug and syscall pull
// from gc's runtime by //go:linkname.

package runtime

import "unsafe"

// Cleanup is a handle to a cleanup call for a specific object.
type Cleanup struct {
	base uintptr
	id   uint64
}

// AddCleanup attaches a cleanup function to ptr: some time after ptr is
// unreachable, a goroutine of the runtime calls cleanup(arg). cleanup and
// arg must not keep ptr reachable, or the cleanup never runs.
func AddCleanup[T, S any](ptr *T, cleanup func(S), arg S) Cleanup {
	if ptr == nil {
		fatal("runtime.AddCleanup: ptr is nil", "running")
	}
	base, id := addCleanup(unsafe.Pointer(ptr), func() { cleanup(arg) })
	return Cleanup{base, id}
}

// Stop cancels the cleanup call, if it has not run yet.
func (c Cleanup) Stop() { stopCleanup(c.base, c.id) }

func addCleanup(ptr unsafe.Pointer, cleanup func()) (base uintptr, id uint64)

func stopCleanup(base uintptr, id uint64)

// fatal: gc's `fatal error: msg` with the goroutine's traceback.
func fatal(msg, status string)

func getenv(key string) (value string, found bool)

// godebugDefault: the program's default GODEBUG (its module's go version,
// godebug lines and //go:debug directives).
func godebugDefault() string

// godebugUpdate is internal/godebug's update function, set once by its
// initialisation (setUpdate).
var godebugUpdate func(def, env string)

//go:linkname godebug_setUpdate internal/godebug.setUpdate
func godebug_setUpdate(update func(def, env string)) {
	godebugUpdate = update
	env, _ := getenv("GODEBUG")
	update(godebugDefault(), env)
}

// syscall_runtimeSetenv: as in gc, setting GODEBUG (os.Setenv, t.Setenv)
// changes internal/godebug's settings. (gc's runtime also updates the C
// environment of cgo programs; deft has none.)
//
//go:linkname syscall_runtimeSetenv syscall.runtimeSetenv
func syscall_runtimeSetenv(key, value string) {
	if key == "GODEBUG" {
		godebugNotify(value)
	}
}

//go:linkname syscall_runtimeUnsetenv syscall.runtimeUnsetenv
func syscall_runtimeUnsetenv(key string) {
	if key == "GODEBUG" {
		godebugNotify("")
	}
}

// godebugNotify hands internal/godebug the environment's new GODEBUG.
func godebugNotify(env string) {
	if godebugUpdate != nil {
		godebugUpdate(godebugDefault(), env)
	}
}

// godebug_registerMetric: deft has no runtime/metrics to register with.
//
//go:linkname godebug_registerMetric internal/godebug.registerMetric
func godebug_registerMetric(name string, read func() uint64) {}

// godebug_setNewIncNonDefault: the counters it makes feed runtime/metrics
// only, which deft lacks.
//
//go:linkname godebug_setNewIncNonDefault internal/godebug.setNewIncNonDefault
func godebug_setNewIncNonDefault(newIncNonDefault func(string) func()) {}
