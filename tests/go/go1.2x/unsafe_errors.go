// errorcheck
// deft-flags: -gcflags=-e

// gc's errors for misused unsafe.String, unsafe.StringData,
// unsafe.SliceData, unsafe.Slice and unsafe.Add.

package main

import "unsafe"

func main() {
	var x int
	var b byte
	var f float64
	var s []int
	var str string
	_ = b
	_ = unsafe.Slice(&x, -1)
	_ = unsafe.Slice(&x, 1.5)
	_ = unsafe.Slice(&x, f)
	_ = unsafe.Slice(x, 1)
	_ = unsafe.String(&b, -1)
	_ = unsafe.String(&b, f)
	_ = unsafe.SliceData(str)
	_ = unsafe.SliceData(x)
	_ = unsafe.StringData(1)
	_ = unsafe.SliceData(nil)
	_ = unsafe.Add(unsafe.Pointer(&x), f)
	_ = unsafe.Slice(nil, 1)
	unsafe.StringData(str)
	_ = unsafe.String(&b, 1<<70)
	_ = unsafe.String(&b)
	_ = unsafe.SliceData(s, s)
}
