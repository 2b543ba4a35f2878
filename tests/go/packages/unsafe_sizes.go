// run

// Package unsafe: Sizeof, Alignof and Offsetof as gc lays types out, and
// conversions through unsafe.Pointer.
package main

import "unsafe"

type S struct {
	a byte
	b int64
	c [3]int16
	d struct{}
}

type E struct {
	x int32
	S
}

func main() {
	var s S
	var e E
	println(unsafe.Sizeof(s), unsafe.Alignof(s), unsafe.Offsetof(s.b), unsafe.Offsetof(s.c), unsafe.Offsetof(s.d))
	println(unsafe.Sizeof(e), unsafe.Offsetof(e.S), unsafe.Offsetof(e.c), unsafe.Sizeof(1), unsafe.Sizeof("x"), unsafe.Sizeof(complex64(1)), unsafe.Alignof(complex64(1)))
	var x int = 5
	p := unsafe.Pointer(&x)
	q := (*int)(p)
	*q = 7
	println(x, uintptr(p) != 0)
	const k = unsafe.Sizeof([4]string{})
	println(k)
}
