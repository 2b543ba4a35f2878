// run

// A value a bounds check compares against is a length, never negative,
// only where that check has been passed: the same int tested before it
// (`n` before `make([]T, n)`) may be anything.
package main

import "fmt"

//go:noinline
func guarded(n, m int) []int {
	if n < 0 {
		return nil
	}
	s := make([]int, n)
	return s[:m]
}

//go:noinline
func negated(n, m int) []int {
	if !(n >= 0) {
		return []int{-1}
	}
	s := make([]int, n, n+1)
	return s[:m:n]
}

//go:noinline
func later(n int, s []int) int {
	t := 0
	if n <= -1 {
		t = -100
	}
	if n < len(s) && n >= 0 {
		t += s[n]
	}
	return t + len(make([]byte, max(n, 0)))
}

func main() {
	fmt.Println(guarded(-1, 0) == nil, len(guarded(3, 2)))
	fmt.Println(negated(-5, 0), len(negated(4, 3)))
	fmt.Println(later(-1, []int{7}), later(0, []int{7}), later(2, []int{7}))
	defer func() { fmt.Println(recover()) }()
	guarded(2, 3)
}
