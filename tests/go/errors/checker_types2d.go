// errorcheck

// The type checker's diagnostics as types2 words them: members found with
// their case ignored, calls of type parameters, cycles through instances
// and constraints, sizes beyond int64, and names declared beside a
// non-name on the left of :=.
package main

import "unsafe"

type D struct{ x int }
type C struct{ D }
type A struct{ C }
type P *A

type T[P any] struct{ f T[P] }

type N interface{ int | N }

type E [1 << 30]complex128

var big [1 << 30]E

var s []int

func call[Q int | string](q Q) { q() }

func main() {
	var p P
	_ = p.X
	_ = A{X: 0}
	s[0], b := 1, 2
	_ = b
	_ = unsafe.Sizeof(big)
}
