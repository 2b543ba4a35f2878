// run

// Types declared inside generic functions are instantiated with the
// function's type arguments (gc names them main.pair[int]), and
// unsafe.Sizeof/Alignof/Offsetof of values whose type depends on a type
// parameter are per instance.
package main

import (
	"fmt"
	"unsafe"
)

func Local[T any](x T) []any {
	type plain struct{ a int }
	type node struct {
		next *node
		v    T
	}
	n := &node{v: x}
	n.next = n
	return []any{plain{1}, n.next.next, *n}
}

type Rec[T any] struct {
	a byte
	v T
	b byte
}

func Layout[T any](x T) (uintptr, uintptr, uintptr) {
	var r Rec[T]
	return unsafe.Sizeof(x), unsafe.Alignof(x), unsafe.Offsetof(r.b)
}

func main() {
	for _, v := range Local(1) {
		fmt.Printf("%T\n", v)
	}
	for _, v := range Local("s") {
		fmt.Printf("%T %v\n", v, v == v)
	}
	fmt.Println(Layout(int8(1)))
	fmt.Println(Layout("str"))
	fmt.Println(Layout([3]int16{}))
	fmt.Println(Layout(struct{}{}))
	fmt.Println(unsafe.Sizeof(Rec[complex128]{}), unsafe.Sizeof(Rec[bool]{}))
}
