// errorcheck

// unsafe.Sizeof, Alignof and Offsetof of an operand of variable size (a
// type parameter, or a struct holding one) are not constants.
package main

import "unsafe"

type S[T any] struct {
	a byte
	b T
}

func f[T any](x T) {
	const c = unsafe.Sizeof(x)
	var s S[T]
	const d = unsafe.Offsetof(s.a)
	var a [unsafe.Alignof(x)]int
	_ = a
}

func main() { f(1) }
