// run

// unsafe.Sizeof, Alignof and Offsetof of an operand whose size depends on
// the type arguments are not constants: each instance has its own (a
// constant expression around them, such as 8*Sizeof, included).
package main

import (
	"fmt"
	"unsafe"
)

func size[F float32 | float64]() (int, int) {
	var mantBits int
	switch 8 * unsafe.Sizeof(F(0)) {
	case 32:
		mantBits = 23
	case 64:
		mantBits = 52
	}
	return int(unsafe.Sizeof(F(0))), mantBits
}

type S[T any] struct {
	a byte
	b T
}

func off[T any]() (uintptr, uintptr, uintptr) {
	var s S[T]
	return unsafe.Sizeof(s), unsafe.Offsetof(s.b), unsafe.Alignof(s.b)
}

func main() {
	fmt.Println(size[float32]())
	fmt.Println(size[float64]())
	fmt.Println(off[int16]())
	fmt.Println(off[string]())
}
