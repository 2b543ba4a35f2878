// run

// Package variables initialised by constants and composite literals are
// laid out before the program runs (gc's static initialisation): their
// values, mutations of them, pointers to and slices of them, and heap
// pointers stored into them behave as if built by init code.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

type Range struct {
	Lo, Hi uint16
	Stride uint16
}

type Table struct {
	R      []Range
	Name   string
	Latin  int
	Next   *Table
	Values [4]float64
}

var upper = &Table{
	R:      []Range{{0x41, 0x5a, 1}, {0xc0, 0xd6, 1}},
	Name:   "Upper",
	Latin:  2,
	Values: [4]float64{1.5, 2: -3},
}

var lower = &Table{R: []Range{{Lo: 0x61, Hi: 0x7a, Stride: 1}}, Name: "Lower", Next: &Table{Name: "inner"}}

var tables = []*Table{{Name: "a"}, {Name: "b", R: []Range{{1, 2, 3}}}}

var sparse = [...]int{5: 1, 2, 9: 7}

var matrix = [2][3]int8{{1, 2, 3}, {-4, -5, -6}}

var words = []string{"alpha", "", "gamma"}

var empty = []int{}

var nilSlice []int

var complexes = []complex128{1 + 2i, 3}

var bools = [3]bool{true, false, true}

var (
	mixed   = []any{1, "two"} // interface elements: built by init code
	derived = len(words) + len(tables)
	total   = sum(sparse[:]) // a call: init code, after sparse
)

type node struct {
	next *node
	val  []int
}

var holder = &node{}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

func main() {
	for _, t := range []*Table{upper, lower, lower.Next} {
		fmt.Println(t.Name, t.Latin, t.R, t.Values, t.Next != nil)
	}
	for _, t := range tables {
		fmt.Println(t.Name, t.R)
	}
	fmt.Println(sparse, len(sparse), matrix, words, len(words[1]))
	fmt.Println(empty == nil, len(empty), cap(empty), nilSlice == nil)
	fmt.Println(complexes, bools, mixed, derived, total)
	fmt.Println(cap(upper.R), cap(words))

	// Static data is writable, and appends copy it.
	upper.R[0].Hi = 0x5b
	upper.Values[3] = 9
	words[0] = strings.ToUpper(words[0])
	grown := append(words, "delta")
	grown[1] = "changed"
	fmt.Println(upper.R[0], upper.Values, words, grown)

	// A heap pointer stored into a static object keeps its object alive.
	holder.next = &node{val: make([]int, 1000)}
	holder.next.val[999] = 42
	lower.Next.Next = &Table{Name: strings.Repeat("x", 3)}
	for i := 0; i < 50; i++ {
		_ = make([]byte, 1<<16)
		runtime.GC()
	}
	fmt.Println(holder.next.val[999], lower.Next.Next.Name)
}
