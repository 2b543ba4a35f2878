// run

// Range over functions (Go 1.23): iteration variables, continue, break,
// return with results from nested loops, labeled break/continue of
// enclosing loops of every kind, closures capturing the variables.

package main

import "fmt"

func seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("seq stopped at", i)
				return
			}
		}
	}
}

func pairs(yield func(string, int) bool) {
	_ = yield("a", 1) && yield("b", 2) && yield("c", 3)
}

func find(n, want int) (idx int, ok bool) {
	for i := range seq(n) {
		if i == want {
			return i, true
		}
	}
	return -1, false
}

func first() int {
	for i := range seq(5) {
		for j := range seq(5) {
			if i*j == 6 {
				return i*10 + j
			}
		}
	}
	return 0
}

func main() {
	sum := 0
	for i := range seq(5) {
		if i == 1 {
			continue
		}
		if i == 4 {
			break
		}
		sum += i
	}
	fmt.Println("sum", sum)
	for k, v := range pairs {
		fmt.Println(k, v)
	}
	var kk string
	for kk = range pairs {
	}
	fmt.Println("kk", kk)
	fmt.Println(find(5, 3))
	fmt.Println(find(2, 3))
	fmt.Println(first())
outer:
	for i := range seq(4) {
		for j := range seq(4) {
			if j > i {
				continue outer
			}
			if i == 3 {
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()
	var fs []func() int
	for i := range seq(3) {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	for range seq(2) {
		fmt.Println("no vars")
	}
	for i := 0; i < 3; i++ {
		for j := range seq(10) {
			if j == i {
				continue
			}
			if j > 2 {
				break
			}
			fmt.Print(i, j, ";")
		}
	}
	fmt.Println()
L:
	for i := 0; i < 3; i++ {
		for j := range seq(10) {
			if j == 1 {
				continue L
			}
			if i == 2 {
				break L
			}
			fmt.Print(i, j, ";")
		}
	}
	fmt.Println()
	switch {
	case true:
		for j := range seq(10) {
			if j == 2 {
				break
			}
			fmt.Print("sw", j)
		}
	}
	fmt.Println()
}
