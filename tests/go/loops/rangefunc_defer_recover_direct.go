// run

// `defer recover()` and recover in deferred method values in a
// range-over-func loop body: recover on behalf of the enclosing function.

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

type T struct{ name string }

func (t T) Recover() {
	fmt.Println(t.name, "recovers:", recover())
}

func direct() {
	defer fmt.Println("direct's own defer")
	for i := range seq(2) {
		defer recover()
		if i == 1 {
			panic("direct")
		}
	}
}

func method() {
	for i := range seq(2) {
		t := T{fmt.Sprint("t", i)}
		defer t.Recover()
		f := t.Recover
		defer f()
	}
	panic("method")
}

func main() {
	func() {
		defer func() { fmt.Println("main recovers:", recover()) }()
		direct()
		fmt.Println("direct returned")
	}()
	method()
	fmt.Println("method returned")
}
