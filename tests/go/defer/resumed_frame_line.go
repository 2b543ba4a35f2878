// run

// A frame resumed after a recovery whose remaining deferred call panics
// again shows, as in gc, the line of the call it was stopped at (here a
// call whose callee panicked), not that of its deferreturn code.
package main

import "fmt"

var arr = []int{1, 2}

//go:noinline
func g(x int) {
	if x > 5 {
		panic("g")
	}
}

func f(x int) (r int) {
	defer func() {
		panic(fmt.Sprint("second ", r))
	}()
	defer func() {
		recover()
		r = 5
	}()
	g(x * 10)
	r += x
	return r * 2
}

func main() {
	fmt.Println(f(1))
}
