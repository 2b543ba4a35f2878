// errorcheck

// Embedded fields whose type is a pointer to a pointer or to an interface,
// or unsafe.Pointer; the pointer type may be the one being declared.
package main

import "unsafe"

type P *int
type I interface{}
type U unsafe.Pointer

type S struct {
	P
	*I
	U
	unsafe.Pointer
}

type T *struct {
	T
}

func main() {
	var s S
	var t T
	println(s.P, t)
}
