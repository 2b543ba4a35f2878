// errorcheck
// deft-flags: -gcflags=-e

// A module at go 1.19: slice to array conversions and unsafe.String,
// unsafe.StringData and unsafe.SliceData are errors; Go 1.17's slice to
// array pointer conversion is fine.

package main

import "unsafe"

type A [2]int

func main() {
	s := []int{1, 2}
	_ = (*[2]int)(s)
	_ = [2]int(s)
	_ = A(s)
	b := []byte("hi")
	_ = unsafe.String(&b[0], 2)
	_ = unsafe.StringData("x")
	_ = unsafe.SliceData(b)
	_ = unsafe.Slice(&b[0], 1)
}
