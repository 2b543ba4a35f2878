// errorcheck
// deft-flags: -gcflags=-e

// A module at go 1.20: the builtins of Go 1.21 are errors in its files,
// except in those whose //go:build line implies a later version (or any
// version: a //go:build go1.N line sets at least go1.21).

package main

import "unsafe"

func main() {
	s := []int{1, 2}
	a := [2]int(s) // Go 1.20: fine
	b := []byte("hi")
	_ = unsafe.String(&b[0], 2)
	_ = min(a[0], a[1])
	_ = max(1, 2)
	clear(s)
	m := map[int]int{}
	defer clear(m)
	f()
	g()
}
