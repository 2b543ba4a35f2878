// Package testlog: the hooks package testing sets in package os while a
// test binary runs. deft's own (gc has an internal package of this name
// with another content); only the standard library may import it.
//
// panicOnExit0 is set before any test starts (the goroutines that read it
// start after); the captured output is written by whichever goroutine
// writes to standard output, so it changes only under captureMu.
package testlog

import (
	"sync"
	"sync/atomic"
)

var panicOnExit0 bool

// SetPanicOnExit0: whether os.Exit(0) panics, as it must during a test
// (a test that exits the process with success would hide the tests after
// it).
func SetPanicOnExit0(v bool) { panicOnExit0 = v }

// PanicOnExit0: whether os.Exit(0) panics.
func PanicOnExit0() bool { return panicOnExit0 }

var (
	captureMu sync.Mutex
	// capturing is also read without the lock, so that a write to
	// standard output outside examples costs one atomic load.
	capturing atomic.Bool
	captured  []byte
)

// StartCapture: from now on, what the program writes to standard output
// through package os is kept instead of written (an example's output).
func StartCapture() {
	captureMu.Lock()
	captured = nil
	capturing.Store(true)
	captureMu.Unlock()
}

// Capture keeps b, written to standard output, if output is being
// captured, and says whether it was.
func Capture(b []byte) bool {
	if !capturing.Load() {
		return false
	}
	captureMu.Lock()
	defer captureMu.Unlock()
	if capturing.Load() {
		captured = append(captured, b...)
	}
	return capturing.Load()
}

// StopCapture ends capturing and returns what was written meanwhile.
func StopCapture() string {
	captureMu.Lock()
	defer captureMu.Unlock()
	capturing.Store(false)
	s := string(captured)
	captured = nil
	return s
}
