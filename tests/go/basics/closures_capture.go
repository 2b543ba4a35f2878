// run

// Closures capture variables by reference: counters, shared variables
// between closures, closures outliving their frame, loop variables.
package main

func counter() (func() int, func()) {
	n := 0
	return func() int { n++; return n }, func() { n = 100 }
}

func adder(base int) func(int) int {
	return func(x int) int {
		base += x
		return base
	}
}

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return f(g(x)) }
}

func main() {
	next, reset := counter()
	println(next(), next(), next())
	reset()
	println(next())
	a := adder(10)
	println(a(1), a(2), a(3))
	double := func(x int) int { return x * 2 }
	inc := func(x int) int { return x + 1 }
	println(compose(double, inc)(5), compose(inc, double)(5))
	x := 1
	set := func() { x = 42 }
	get := func() int { return x }
	set()
	println(x, get())
	x = 7
	println(get())
	total := 0
	for i := 0; i < 3; i++ {
		f := func() { total += i }
		f()
	}
	println(total)
	fact := func(n int) int { return n }
	var rec func(int) int
	rec = func(n int) int {
		if n <= 1 {
			return 1
		}
		return n * rec(n-1)
	}
	println(fact(3), rec(10))
	s := "cap"
	appendTo := func(t string) { s += t }
	appendTo("tured")
	println(s)
	func() {
		x++
	}()
	println(x)
}
