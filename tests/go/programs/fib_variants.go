// run

// Fibonacci four ways: naive recursion, iteration, a closure generator,
// and fast doubling with uint64 wrap-around for large n.
package main

func fibRec(n int) int {
	if n < 2 {
		return n
	}
	return fibRec(n-1) + fibRec(n-2)
}

func fibIter(n int) int {
	a, b := 0, 1
	for i := 0; i < n; i++ {
		a, b = b, a+b
	}
	return a
}

func fibGen() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

func fibDoubling(n uint) (uint64, uint64) {
	if n == 0 {
		return 0, 1
	}
	a, b := fibDoubling(n / 2)
	c := a * (2*b - a)
	d := a*a + b*b
	if n%2 == 0 {
		return c, d
	}
	return d, c + d
}

func main() {
	g := fibGen()
	for i := 0; i <= 30; i++ {
		if fibRec(i) != fibIter(i) || fibIter(i) != g() {
			println("mismatch at", i)
		}
	}
	println(fibRec(30), fibIter(90))
	f, _ := fibDoubling(90)
	println(f)
	f, _ = fibDoubling(1000)
	println(f)
}
