// run

// Closures whose object cannot outlive the frame (called through a local,
// passed to a library function that only calls them) and the variables
// they capture live in the frame, allocating nothing, as gc's; those that
// escape (stored, appended, in loops) keep their own variables.

package main

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
)

type pair struct{ k string; v int }

var saved func() int

func apply(f func(int) int, x int) int { return f(x) }

func main() {
	ps := []pair{{"b", 2}, {"a", 1}, {"c", 3}}
	count := 0
	sort.Slice(ps, func(i, j int) bool { count++; return ps[i].k < ps[j].k })
	fmt.Println(ps, count > 0)
	s := []int{3, 1, 2}
	fmt.Println(testing.AllocsPerRun(100, func() {
		z := 1
		strings.IndexFunc("abc", func(r rune) bool { z++; return r == 'c' })
	}))
	fmt.Println(testing.AllocsPerRun(100, func() {
		z := 1
		slices.SortFunc(s, func(a, b int) int { z++; return a - b })
	}), s)
	fmt.Println(testing.AllocsPerRun(100, func() {
		z := 1
		f := func() { z++ }
		f()
		f()
	}))
	total := 0
	add := func(x int) { total += x }
	for i := 0; i < 5; i++ {
		add(i)
	}
	fmt.Println(total)
	var fs []func() int
	for i := 0; i < 3; i++ {
		x := i * 10
		f := func() int { x++; return x }
		fs = append(fs, f)
	}
	for _, f := range fs {
		fmt.Print(f(), f(), " ")
	}
	fmt.Println()
	y := 7
	g := func() int { y++; return y }
	saved = g
	fmt.Println(saved(), saved(), y)
	z := 1
	fmt.Println(strings.Map(func(r rune) rune { z++; return r + 1 }, "abc"), z)
	var self func(int) int
	self = func(k int) int {
		if k == 0 {
			return 0
		}
		return k + self(k-1)
	}
	fmt.Println(self(4))
	w := 3
	fmt.Println(apply(func(v int) int { w += v; return w }, 4), w)
}
