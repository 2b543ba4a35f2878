// run

// Calls of small leaf functions (codegen inlines those that call nothing):
// generic comparisons over floats with NaNs, value methods of structs in a
// heap, leaves with several results and branches, a //go:noinline leaf,
// and the lines runtime.Caller, a recovered panic and an unrecovered
// panic's traceback report in a function whose calls were inlined.

package main

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
)

type Ordered interface {
	~int | ~float64 | ~string
}

func less[T Ordered](x, y T) bool { return (x != x && y == y) || x < y }

func minOf[T Ordered](s []T) T {
	m := s[0]
	for _, v := range s {
		if less(v, m) {
			m = v
		}
	}
	return m
}

type item struct {
	prio, id int
	name     string
}

func (a item) before(b item) bool {
	if a.prio != b.prio {
		return a.prio < b.prio
	}
	return a.id < b.id
}

func divmod(a, b uint) (uint, uint) { return a / 8, a % 8 }

func clamp(x, lo, hi int) int {
	switch {
	case x < lo:
		return lo
	case x > hi:
		return hi
	}
	return x
}

//go:noinline
func twice(x int) int { return 2 * x }

func where() int {
	_, _, line, _ := runtime.Caller(0)
	return line
}

func index(s []int, i int) int {
	j := clamp(i, -5, 100)
	k := twice(j)
	return s[k] // the panic's line
}

func main() {
	fs := []float64{3, math.NaN(), -1, 2, math.NaN(), 0}
	slices.Sort(fs)
	fmt.Println(fs, minOf([]float64{4, 2, 8}), minOf([]string{"b", "a", "c"}))
	fmt.Println(cmp.Less(math.NaN(), 1.0), cmp.Less(1.0, math.NaN()), cmp.Compare(2, 1))

	items := []item{{3, 0, "c"}, {1, 1, "a"}, {3, 2, "d"}, {1, 3, "b"}}
	slices.SortFunc(items, func(a, b item) int {
		if a.before(b) {
			return -1
		}
		if b.before(a) {
			return 1
		}
		return 0
	})
	fmt.Println(items)

	q, r := divmod(29, 8)
	fmt.Println(q, r, clamp(-9, 0, 10), clamp(50, 0, 10), clamp(5, 0, 10), twice(21))
	fmt.Println("line", where())

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Println(index([]int{1, 2, 3}, 1))
	}()
	index([]int{1, 2, 3}, 40)
}
