// run

// Functions with several results: tuple assignment, passing results
// straight into another call, swapping, discarding with _.
package main

func divmod(a, b int) (int, int) { return a / b, a % b }

func swap(a, b string) (string, string) { return b, a }

func three() (int, string, bool) { return 1, "two", true }

func sum(a, b int) int { return a + b }

func minmax(a, b, c int) (min, max int) {
	min, max = a, a
	if b < min {
		min = b
	}
	if c < min {
		min = c
	}
	if b > max {
		max = b
	}
	if c > max {
		max = c
	}
	return
}

func main() {
	q, r := divmod(17, 5)
	println(q, r)
	println(divmod(100, 7))
	println(sum(divmod(9, 2)))
	a, b := swap("x", "y")
	println(a, b)
	a, b = b, a
	println(a, b)
	n, s, ok := three()
	println(n, s, ok)
	_, s2, _ := three()
	println(s2)
	println(minmax(3, 9, -2))
	i, j, k := 1, 2, 3
	i, j, k = k, i, j
	println(i, j, k)
}
