// run

// Range over integers (Go 1.22): the forms, the types of the iteration
// values, n evaluated once, n <= 0, and the per-iteration variable.

package main

import "fmt"

type Count uint8

var calls int

func n(v int) int {
	calls++
	return v
}

func main() {
	for i := range 3 {
		fmt.Printf("%T %d\n", i, i)
	}
	for range 2 {
		fmt.Println("no variable")
	}
	var u uint8
	for u = range 4 {
	}
	fmt.Printf("after: %T %d\n", u, u)
	var c Count = 3
	for i := range c {
		fmt.Printf("%T %d\n", i, i)
	}
	for i := range 'c' - 'a' {
		fmt.Printf("%T %d\n", i, i)
	}
	var big int64 = 2
	for i := range big {
		fmt.Printf("%T %d\n", i, i)
	}
	const k = 2
	for i := range k {
		fmt.Printf("%T %d\n", i, i)
	}
	for i := range n(3) {
		fmt.Print(i, " ")
	}
	fmt.Println("calls:", calls)
	// The body changing i does not change the iteration count.
	for i := range 3 {
		i *= 10
		fmt.Print(i, " ")
	}
	fmt.Println()
	// Neither does changing the variable n was read from.
	m := 3
	for i := range m {
		m = 0
		fmt.Print(i, " ")
	}
	fmt.Println()
	for i := range -5 {
		fmt.Println("never", i)
	}
	var zero uint
	for range zero {
		fmt.Println("never")
	}
	// An assigned key keeps the last value; it is not touched when the
	// loop does not run.
	j := 42
	for j = range 0 {
	}
	fmt.Println("j", j)
	for j = range 5 {
		if j == 3 {
			break
		}
	}
	fmt.Println("j", j)
	arr := [3]int{}
	for arr[1] = range 3 {
	}
	fmt.Println(arr)
	// Closures and defers see their own iteration.
	var fs []func() int
	for i := range 3 {
		fs = append(fs, func() int { return i * i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	// Labels, break and continue.
outer:
	for i := range 4 {
		for j := range 4 {
			if j > i {
				continue outer
			}
			if i == 3 {
				break outer
			}
			fmt.Print(i, j, ";")
		}
	}
	fmt.Println()
	deferred()
}

func deferred() {
	for i := range 3 {
		defer func() { fmt.Println("deferred", i) }()
	}
}
