// errorcheck

// An initialization cycle through the second variable of `a, b = f()`.
package main

var (
	a, b = f()
	c    = b
)

func f() (int, int) { return c, c }

func main() {
	println(a, b, c)
}
