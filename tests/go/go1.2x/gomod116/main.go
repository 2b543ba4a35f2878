// errorcheck
// deft-flags: -gcflags=-e

// A go.mod without a go line means Go 1.16: the features of Go 1.17 are
// errors that name the version, and the rest of the package is checked.

package main

import "unsafe"

type A [2]int

func main() {
	s := []int{1, 2}
	_ = (*[2]int)(s)
	_ = (*A)(s)
	var x int
	_ = unsafe.Slice(&x, 1)
	_ = unsafe.Add(unsafe.Pointer(&x), 8)
	_ = unsafe.Slice(x, 1)
	_ = unsafe.Sizeof(x)
}
