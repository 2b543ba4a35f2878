// run

// Local const, var and type declarations, grouped declarations, short
// variable redeclaration with at least one new variable.
package main

func pair() (int, error2) { return 1, 0 }

type error2 int

func main() {
	const (
		a = 1
		b = "two"
	)
	var (
		x int
		y = 2.5
		z, w = "z", 'w'
	)
	type pt int
	var p pt = 3
	println(a, b, x, y, z, w, p)
	n, e := pair()
	m, e := pair()
	println(n, m, e)
	x, q := 10, 20
	println(x, q)
	var u, v int = 1, 2
	u, v = v, u
	println(u, v)
}
