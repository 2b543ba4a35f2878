// run

// Package slices from Go's own source (GOROOT/src, compiled unchanged):
// sorting with gc's order of equal elements (pdqsort's insertion sort,
// ninther and pattern breaking, the stable insertion/symmerge sort),
// searching, editing and the iterator functions.
package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type rec struct {
	key, id int
}

// lcg is a small deterministic generator, so that gc and deft sort the
// same inputs.
type lcg uint64

func (r *lcg) next(n int) int {
	*r = *r*6364136223846793005 + 1442695040888963407
	return int(uint64(*r)>>33) % n
}

func records(n, keys int, seed lcg) []rec {
	out := make([]rec, n)
	for i := range out {
		out[i] = rec{seed.next(keys), i}
	}
	return out
}

func sum(rs []rec) (s int) {
	for i, r := range rs {
		s = s*31 + r.id*(i+1)
	}
	return s
}

func main() {
	ints := []int{5, 2, 8, 2, 9, 1, 5, 5}
	slices.Sort(ints)
	fmt.Println(ints, slices.IsSorted(ints))
	i, found := slices.BinarySearch(ints, 5)
	j, found2 := slices.BinarySearch(ints, 3)
	fmt.Println(i, found, j, found2)
	fmt.Println(slices.Index(ints, 8), slices.Index(ints, 7), slices.Contains(ints, 9))
	fmt.Println(slices.IndexFunc(ints, func(v int) bool { return v > 4 }), slices.ContainsFunc(ints, func(v int) bool { return v < 0 }))
	fmt.Println(slices.Max(ints), slices.Min(ints), slices.Compact(slices.Clone(ints)))
	ints = slices.Insert(ints, 2, 100, 101)
	fmt.Println(ints)
	ints = slices.Delete(ints, 0, 3)
	fmt.Println(ints, len(ints), cap(ints))
	slices.Reverse(ints)
	fmt.Println(ints, slices.Equal(ints, []int{9, 8, 5, 5, 5, 2, 101}))
	ints = slices.DeleteFunc(ints, func(v int) bool { return v == 5 })
	fmt.Println(ints, slices.Repeat([]int{1, 2}, 3), slices.Concat([]int{1}, nil, []int{2, 3}))
	fmt.Println(slices.Compare([]int{1, 2}, []int{1, 3}), slices.Replace([]int{1, 2, 3, 4}, 1, 3, 7))

	words := strings.Fields("pear Apple fig banana apple Fig kiwi cherry date")
	slices.SortFunc(words, func(a, b string) int { return cmp.Compare(strings.ToLower(a), strings.ToLower(b)) })
	fmt.Println(words)
	k, ok := slices.BinarySearchFunc(words, "KIWI", func(e, t string) int {
		return cmp.Compare(strings.ToLower(e), strings.ToLower(t))
	})
	fmt.Println(k, ok)
	fmt.Println(slices.MaxFunc(words, func(a, b string) int { return cmp.Compare(len(a), len(b)) }))

	// Many equal keys: unstable SortFunc keeps pdqsort's order of equal
	// elements, SortStableFunc keeps the input order.
	for _, n := range []int{10, 13, 50, 200, 1000} {
		for _, keys := range []int{2, 7, n} {
			a := records(n, keys, lcg(n*7+keys))
			b := slices.Clone(a)
			slices.SortFunc(a, func(x, y rec) int { return cmp.Compare(x.key, y.key) })
			slices.SortStableFunc(b, func(x, y rec) int { return x.key - y.key })
			stable := slices.IsSortedFunc(b, func(x, y rec) int { return cmp.Or(cmp.Compare(x.key, y.key), cmp.Compare(x.id, y.id)) })
			fmt.Println(n, keys, sum(a), sum(b), stable)
		}
	}
	// Sorted input, reversed input and a sawtooth: pdqsort's patterns.
	shapes := map[string]func(i, n int) int{
		"sorted":   func(i, n int) int { return i },
		"reversed": func(i, n int) int { return n - i },
		"saw":      func(i, n int) int { return i % 17 },
	}
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range shapes {
			if !yield(k) {
				return
			}
		}
	}) {
		rs := make([]rec, 500)
		for i := range rs {
			rs[i] = rec{shapes[name](i, len(rs)) / 3, i}
		}
		slices.SortFunc(rs, func(x, y rec) int { return cmp.Compare(x.key, y.key) })
		fmt.Println(name, sum(rs))
	}
	fl := []float64{3, -1, 2.5, 0}
	slices.Sort(fl)
	fmt.Println(fl, cmp.Less(1.0, 2.0), cmp.Compare("b", "a"), cmp.Or(0, 0, 3, 4), cmp.Or("", "x"))
}
