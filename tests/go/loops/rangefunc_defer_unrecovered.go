// run

// An unrecovered panic with deferred calls of a range-over-func loop body
// pending: they run (one of them panics again) before the program dies,
// and the traceback shows gc's frames.

package main

import "fmt"

func seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func check(i int) {
	if i == 1 {
		panic(fmt.Sprint("deferred check failed at ", i))
	}
	fmt.Println("check", i)
}

func run() {
	defer fmt.Println("run's own defer")
	for i := range seq(4) {
		defer check(i)
		if i == 2 {
			panic("body gives up")
		}
	}
}

func main() {
	run()
}
