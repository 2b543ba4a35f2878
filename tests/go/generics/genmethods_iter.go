// run
// deft-flags: -gcflags=-d=defer

// Generic methods (Go 1.27) returning iterators (iter.Seq of the method's
// own type parameter), ranged over with break, collected by slices, and a
// generic method whose range-over-func loop body defers (a defer record
// in the range body, run when the method returns).
package main

import (
	"fmt"
	"iter"
	"slices"
)

type Nums []int

func (n Nums) Map[U any](f func(int) U) iter.Seq[U] {
	return func(yield func(U) bool) {
		defer fmt.Println("map done")
		for _, x := range n {
			if !yield(f(x)) {
				return
			}
		}
	}
}

func (n Nums) Sum[U ~int | ~float64](f func(int) U) (s U) {
	for v := range n.Map(f) {
		defer func() { s += 1000 }()
		s += v
	}
	return
}

func main() {
	n := Nums{1, 2, 3}
	for s := range n.Map(func(i int) string { return fmt.Sprint("#", i) }) {
		fmt.Println(s)
		if s == "#2" {
			break
		}
	}
	fmt.Println(slices.Collect(n.Map(func(i int) float64 { return float64(i) / 4 })))
	fmt.Println(n.Sum(func(i int) int { return i * i }), n.Sum(func(i int) float64 { return 0.5 }))
}
