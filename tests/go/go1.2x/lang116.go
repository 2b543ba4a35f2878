// errorcheck
// deft-flags: -gcflags=-lang=go1.16

// -lang set on the command line is the package's language version.

package main

import "unsafe"

func main() {
	s := []int{1, 2}
	_ = (*[2]int)(s)
	var x int
	_ = unsafe.Slice(&x, 1)
	_ = unsafe.Add(unsafe.Pointer(&x), 8)
}
