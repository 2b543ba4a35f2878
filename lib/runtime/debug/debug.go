// Package debug: the running program inspecting and tuning itself. deft's
// implementation; SetGCPercent and Stack are the runtime's
// (crates/runtime/src/library/runtime.rs).
package debug

import (
	"os"
	"runtime"
	"sync/atomic"
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

// maxStack is only reported (atomically: any goroutine may set it):
// deft's stack limit is its own (see the runtime's stack overflow report).
var maxStack int64 = 1000000000

// SetMaxStack sets the maximum stack size a goroutine may use, returning
// the previous one.
func SetMaxStack(bytes int) int { return int(atomic.SwapInt64(&maxStack, int64(bytes))) }

// SetTraceback sets how much the report of an unrecovered panic shows:
// the panicking goroutine for "none", "single" and "" (deft's default is
// gc's, single, and gc ignores a level below the default), every
// goroutine for any other level ("all"; deft's tracebacks show no runtime
// frames, so "system", "crash" and "wer" show what "all" shows, and no
// core is dumped).
func SetTraceback(level string) {
	switch level {
	case "none", "single", "":
		setTracebackAll(false)
	default:
		setTracebackAll(true)
	}
}

func setTracebackAll(all bool)
