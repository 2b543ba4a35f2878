// Package debug: the running program inspecting and tuning itself. deft's
// implementation; SetGCPercent and Stack are the runtime's
// (crates/runtime/src/library/runtime.rs).
package debug

import (
	"os"
	"runtime"
)

// SetGCPercent sets the collector's GOGC percentage (negative: off) and
// returns the previous one.
func SetGCPercent(percent int) int

// FreeOSMemory forces a collection (deft returns free pages to the system
// at the end of every collection).
func FreeOSMemory() { runtime.GC() }

// Stack: a traceback of the calling goroutine, formatted as an unrecovered
// panic's (from `goroutine 1 [running]:`).
func Stack() []byte { return []byte(stack()) }

func stack() string

// PrintStack writes Stack's traceback to standard error.
func PrintStack() { os.Stderr.Write(Stack()) }

// maxStack is only reported: deft's goroutine stack is a fixed 1 GB, gc's
// default maximum.
var maxStack = 1000000000

// SetMaxStack sets the maximum stack size a goroutine may use, returning
// the previous one. (deft's limit is fixed: see maxStack.)
func SetMaxStack(bytes int) int {
	prev := maxStack
	maxStack = bytes
	return prev
}
