// run

// Deferred closures can read and change named results after the return
// statement assigned them.
package main

func double() (n int) {
	defer func() { n *= 2 }()
	return 21
}

func trace() (s string) {
	defer func() { s += " +deferred" }()
	s = "assigned"
	return s + " +returned"
}

func order() (x int) {
	defer func() { x = x*10 + 1 }()
	defer func() { x = x*10 + 2 }()
	defer func() { x = x*10 + 3 }()
	return 4
}

func unnamed() int {
	y := 1
	defer func() { y = 100 }()
	return y
}

func multi() (a int, b string) {
	defer func() {
		a, b = a+1, b+"!"
	}()
	return 41, "hi"
}

func bare() (v int) {
	defer func() { v++ }()
	v = 9
	return
}

func main() {
	println(double())
	println(trace())
	println(order())
	println(unnamed())
	println(multi())
	println(bare())
}
