// run

// The iterator functions of slices and maps and package iter's types,
// all from Go's own source, in range-over-func loops.
package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

func evens(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i += 2 {
			if !yield(i) {
				return
			}
		}
	}
}

func enumerate[T any](s iter.Seq[T]) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		i := 0
		for v := range s {
			if !yield(i, v) {
				return
			}
			i++
		}
	}
}

func main() {
	s := []string{"a", "b", "c", "d", "e"}
	for i, v := range slices.All(s) {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	for i, v := range slices.Backward(s) {
		if i < 2 {
			break
		}
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	fmt.Println(slices.Collect(slices.Values(s)), slices.Collect(evens(9)))
	for c := range slices.Chunk(s, 2) {
		fmt.Print(c, len(c), cap(c), " ")
	}
	fmt.Println()
	fmt.Println(slices.AppendSeq([]int{-1}, evens(5)))
	fmt.Println(slices.SortedFunc(slices.Values([]string{"bb", "a", "ccc"}), func(a, b string) int { return len(b) - len(a) }))
	fmt.Println(slices.SortedStableFunc(slices.Values([]string{"xx", "b", "yy", "a"}), func(a, b string) int { return len(a) - len(b) }))
	for i, v := range enumerate(evens(7)) {
		fmt.Print(i, ":", v, " ")
	}
	fmt.Println()

	m := map[string]int{"one": 1, "two": 2, "three": 3, "four": 4}
	keys := slices.Sorted(maps.Keys(m))
	vals := slices.Sorted(maps.Values(m))
	fmt.Println(keys, vals)
	c := maps.Clone(m)
	c["five"] = 5
	fmt.Println(len(m), len(c), maps.Equal(m, c))
	delete(c, "five")
	fmt.Println(maps.Equal(m, c), maps.EqualFunc(m, c, func(a, b int) bool { return a == b }))
	var nilMap map[string]int
	fmt.Println(maps.Clone(nilMap) == nil)
	inverted := maps.Collect(func(yield func(int, string) bool) {
		for k, v := range maps.All(m) {
			if !yield(v, strings.ToUpper(k)) {
				return
			}
		}
	})
	for _, k := range slices.Sorted(maps.Keys(inverted)) {
		fmt.Print(k, "=", inverted[k], " ")
	}
	fmt.Println()
	maps.DeleteFunc(c, func(k string, v int) bool { return v%2 == 0 })
	fmt.Println(slices.Sorted(maps.Keys(c)))
	dst := map[string]int{"one": 100, "ten": 10}
	maps.Copy(dst, m)
	fmt.Println(dst["one"], dst["ten"], len(dst))
	ins := map[int]string{}
	maps.Insert(ins, slices.All([]string{"x", "y"}))
	fmt.Println(ins)
	type point struct{ x, y int }
	pm := map[point][]int{{1, 2}: {3}, {0, 0}: nil}
	pc := maps.Clone(pm)
	pc[point{1, 2}][0] = 9
	fmt.Println(pm[point{1, 2}], len(pc))

	// A yield that stops the loop early, a defer in the body.
	func() {
		for i, v := range slices.All([]int{10, 20, 30}) {
			defer fmt.Println("deferred", i, v)
			if v == 20 {
				return
			}
		}
	}()
}
