// run

// Deferred calls with many arguments of mixed types (more than fit in
// registers), evaluated once at the defer statement.
package main

var evals int

func v(n int) int {
	evals++
	return n
}

func wide(a, b, c, d, e, f, g, h, i, j int, s1, s2 string, x, y float64, ok bool) {
	println(a, b, c, d, e, f, g, h, i, j)
	println(s1, s2, x, y, ok)
}

func main() {
	s := "first"
	defer wide(v(1), v(2), v(3), v(4), v(5), v(6), v(7), v(8), v(9), v(10), s, s+"!", 1.5, -2.25, true)
	s = "changed"
	defer func(a, b, c, d, e, f, g, h int, t string) {
		println(a+b+c+d+e+f+g+h, t)
	}(v(1), v(2), v(3), v(4), v(5), v(6), v(7), v(8), s)
	println("evaluations so far:", evals)
}
