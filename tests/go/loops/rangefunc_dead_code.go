// run

// A range-over-func loop in dead code whose body has a function literal.

package main

func main() {
	return
	for range func(yield func() bool) {} {
		_ = func() {}
	}
}
