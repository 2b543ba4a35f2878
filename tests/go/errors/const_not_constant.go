// errorcheck

// A constant declared with a non-constant value, and assignment to a constant.
package main

func f() int { return 1 }

const c = f()
const d = 2

func main() {
	d = 3
	println(c, d)
}
