// Package race: the race detector's annotations, for packages compiled
// from Go's source (iter, sync, ...). deft has no race detector, so every
// annotation does nothing and Enabled is false, as in a gc build without
// -race. An overlay, not upstream's norace.go: that file imports
// internal/abi (gc's type layout) only for two functions gc's runtime
// uses, and so would make every program that ranges over an iterator
// compile gc's ABI package.
package race

import "unsafe"

// Enabled reports whether the race detector is on: never in deft.
const Enabled = false

func Acquire(addr unsafe.Pointer)                       {}
func Release(addr unsafe.Pointer)                       {}
func ReleaseMerge(addr unsafe.Pointer)                  {}
func Disable()                                          {}
func Enable()                                           {}
func Read(addr unsafe.Pointer)                          {}
func ReadPC(addr unsafe.Pointer, callerpc, pc uintptr)  {}
func Write(addr unsafe.Pointer)                         {}
func WritePC(addr unsafe.Pointer, callerpc, pc uintptr) {}
func ReadRange(addr unsafe.Pointer, len int)            {}
func WriteRange(addr unsafe.Pointer, len int)           {}
func Errors() int                                       { return 0 }
