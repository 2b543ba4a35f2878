// run

// Package-level variables are initialized in dependency order, not in
// declaration order; each initializer runs exactly once.
package main

var a = b + c
var b = f("b", 1)
var c = f("c", 2)
var d = 3
var total = sum()
var e, g = pair()

func f(name string, v int) int {
	println("init", name)
	return v + d
}

func sum() int {
	println("sum sees", a, b, c)
	return a + b + c
}

func pair() (int, int) {
	println("pair")
	return total, -total
}

func main() {
	println(a, b, c, d, total, e, g)
}
