// run

// Index operations that the comparisons dominating them prove in range
// (codegen's prove.rs folds their checks) next to ones that only look
// proven: each of the latter must still panic with gc's message.

package main

import (
	"fmt"
	"math"
)

func try(name string, f func() int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panic:", r)
		}
	}()
	fmt.Println(name, f())
}

type box struct{ items []int }

var global = []int{1, 2, 3, 4}

func shrink(b *box)   { b.items = b.items[:1] }
func shrinkGlobal()   { global = global[:1] }
func id(i int) int    { return i }
func spaces(b []byte) int {
	n := 0
	for len(b) > n && b[n] == ' ' {
		n++
	}
	return n
}

// push is a binary heap's sift-up: `(i-1)/2` with `i > 0`.
func push(h []int, x int) []int {
	h = append(h, x)
	i := len(h) - 1
	for i > 0 {
		parent := (i - 1) / 2
		if h[i] >= h[parent] {
			break
		}
		h[i], h[parent] = h[parent], h[i]
		i = parent
	}
	return h
}

func main() {
	s := []int{10, 20, 30, 40}

	// Proven: the results are right.
	try("guarded", func() int {
		i := id(2)
		if i >= 0 && i < len(s) {
			return s[i]
		}
		return -1
	})
	try("spaces", func() int { return spaces([]byte("   x")) + spaces([]byte("  ")) })
	try("heap", func() int {
		var h []int
		for _, v := range []int{5, 3, 8, 1, 9, 2} {
			h = push(h, v)
		}
		return h[0]*100 + h[1]*10 + h[2]
	})
	try("diffs", func() int {
		t := 0
		for i := 1; i < len(s); i++ {
			t += s[i] - s[i-1]
		}
		return t
	})
	try("swap-twice", func() int {
		i, j := id(0), id(3)
		s[i], s[j] = s[j], s[i]
		s[i], s[j] = s[j], s[i]
		return s[i]
	})
	try("sliced-then-first", func() int {
		if len(s) > 1 {
			t := s[1:]
			return t[0]
		}
		return 0
	})
	try("unsigned", func() int {
		i := id(3)
		if uint(i) < uint(len(s)) {
			return s[i]
		}
		return 0
	})
	try("nested-order", func() int {
		j, i := id(1), id(3)
		if j >= 0 && j < i && i < len(s) {
			return s[j] + s[i]
		}
		return 0
	})

	// Not proven: each must panic.
	try("negative-guarded", func() int {
		i := id(-1)
		if i < len(s) {
			return s[i]
		}
		return 0
	})
	try("less-or-equal", func() int {
		i := id(4)
		if i <= len(s) {
			return s[i]
		}
		return 0
	})
	try("plus-one", func() int {
		i := id(3)
		if i < len(s) {
			return s[i+1]
		}
		return 0
	})
	try("overflow", func() int {
		x := id(math.MaxInt)
		if x+1 < len(s) {
			return s[x+1]
		}
		return 0
	})
	try("negative-halved", func() int {
		i := id(0)
		if i >= 0 && i < len(s) {
			return s[(i-3)/2]
		}
		return 0
	})
	try("field-shrunk", func() int {
		b := &box{items: []int{1, 2, 3}}
		i := id(2)
		if i < len(b.items) && i >= 0 {
			shrink(b)
			return b.items[i]
		}
		return 0
	})
	try("global-shrunk", func() int {
		i := id(2)
		if i >= 0 && i < len(global) {
			shrinkGlobal()
			return global[i]
		}
		return 0
	})
	try("local-reassigned", func() int {
		t := s
		i := id(2)
		if i >= 0 && i < len(t) {
			t = t[:1]
			return t[i]
		}
		return 0
	})
	try("nested-negative", func() int {
		j, i := id(-2), id(3)
		if j < i && i < len(s) {
			return s[j]
		}
		return 0
	})
	try("sliced-empty", func() int {
		u := s[:1]
		if len(u) > 0 {
			t := u[1:]
			return t[0]
		}
		return 0
	})
	try("start-below", func() int {
		t := 0
		for i := 1; i < len(s); i++ {
			t += s[i-2]
		}
		return t
	})
	try("not-zero", func() int {
		n := id(-5)
		if n != 0 {
			return s[n-1]
		}
		return 0
	})
	try("not-length", func() int {
		i := id(6)
		if i != len(s) && i >= 0 {
			return s[i]
		}
		return 0
	})
	try("equal-length", func() int {
		i := id(4)
		if i == len(s) {
			return s[i]
		}
		return 0
	})
	try("else-branch", func() int {
		i := id(7)
		if i < len(s) && i >= 0 {
			return 0
		} else {
			return s[i]
		}
	})
	try("after-merge", func() int {
		i, x := id(5), 0
		if i < len(s) && i >= 0 {
			x++
		}
		return s[i] + x
	})
	try("heap-from-length", func() int {
		t := 0
		for i := len(s); i > 0; i = (i - 1) / 2 {
			t += s[i]
		}
		return t
	})
	try("down-past-zero", func() int {
		t := 0
		for i := len(s) - 1; i >= -1; i-- {
			t += s[i]
		}
		return t
	})
	try("by-two", func() int {
		u := s[:3]
		t := 0
		for i := 0; i < len(u); i += 2 {
			t += u[i] + u[i+1]
		}
		return t
	})
	try("bytes-past-end", func() int {
		b := []byte("   ")
		n := 0
		for len(b) >= n && b[n] == ' ' {
			n++
		}
		return n
	})
}
