// Package testlog: the hooks package testing sets in package os while a
// test binary runs. deft's own (gc has an internal package of this name
// with another content); only the standard library may import it.
//
// Both hooks are set and read by the goroutine running tests; package
// testing sets them before any test starts and while no test runs, so
// plain variables suffice.
package testlog

var panicOnExit0 bool

// SetPanicOnExit0: whether os.Exit(0) panics, as it must during a test
// (a test that exits the process with success would hide the tests after
// it).
func SetPanicOnExit0(v bool) { panicOnExit0 = v }

// PanicOnExit0: whether os.Exit(0) panics.
func PanicOnExit0() bool { return panicOnExit0 }

var capturing bool
var captured []byte

// StartCapture: from now on, what the program writes to standard output
// through package os is kept instead of written (an example's output).
func StartCapture() {
	capturing = true
	captured = nil
}

// Capturing: whether standard output is being captured.
func Capturing() bool { return capturing }

// Capture keeps b, written to standard output while capturing.
func Capture(b []byte) { captured = append(captured, b...) }

// StopCapture ends capturing and returns what was written meanwhile.
func StopCapture() string {
	capturing = false
	s := string(captured)
	captured = nil
	return s
}
