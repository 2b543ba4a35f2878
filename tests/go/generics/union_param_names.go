// run

// A type parameter list whose first constraint is a union starting with
// a pointer type (`[T *X | string, ...]`, crypto/x509's form) or a `~`
// term is a type parameter list, not an array length, as gc parses it;
// `[N * 2]` stays an array.

package main

import "fmt"

type IPNet struct{ n int }

const N = 3

type set[T *IPNet | string, V int | string] struct {
	items []T
	v     V
}

type arr [N * 2]int

type A[P *IPNet | ~string] struct{ p P }

type B[P *int,] struct{ p P }

func main() {
	var s set[string, int]
	s.items = append(s.items, "x")
	var a arr
	var b A[string]
	var c B[*int]
	fmt.Println(len(s.items), len(a), b.p == "", c.p == nil)
}
