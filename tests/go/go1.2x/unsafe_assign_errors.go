// errorcheck
// deft-flags: -gcflags=-e

// Arguments of the unsafe builtins that are not assignable to their
// parameter types.

package main

import "unsafe"

func main() {
	var x int
	var b byte
	var s []int
	_ = unsafe.String(&x, 1)
	_ = unsafe.String(b, 1)
	_ = unsafe.StringData(s)
	_ = unsafe.Add(&x, 1)
}
