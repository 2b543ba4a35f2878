// run

// Loops whose condition codegen tests at the bottom as well as the top
// (rotated loops): the condition runs once per test as before, with
// continue, break, labeled continue, nested loops, no iteration at all,
// short-circuit conditions, and a condition that panics on a later test
// (the traceback's lines).

package main

import "fmt"

var evals int

func more(i, n int) bool {
	evals++
	return i < n
}

func pos(s []int, i int) bool { return s[i] > 0 }

func main() {
	t := 0
	for i := 0; more(i, 5); i++ {
		if i == 1 {
			continue
		}
		if i == 3 {
			t += 100
			continue
		}
		t += i
	}
	fmt.Println("sum", t, "evals", evals)

	evals = 0
	for i := 0; more(i, 0); i++ {
		t++
	}
	fmt.Println("none", t, "evals", evals)

	evals = 0
	n := 0
outer:
	for i := 0; more(i, 4); i++ {
		for j := 0; j < i && more(j, 2); j++ {
			if j == 1 && i == 3 {
				continue outer
			}
			n += 10*i + j
		}
		if i == 2 {
			n += 1000
		}
	}
	fmt.Println("nested", n, "evals", evals)

	s := []int{3, 2, 1, 0, -1}
	i := 0
	for i < len(s) && pos(s, i) {
		i++
	}
	fmt.Println("first non-positive at", i)

	k := 0
	for k < 10 {
		k += 3
		if k == 9 {
			break
		}
	}
	fmt.Println("k", k)

	u := []int{5, 4, 3}
	j := 0
	for pos(u, j) {
		j++
	}
	fmt.Println("unreachable", j)
}
