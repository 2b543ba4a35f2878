// run

// Initialization dependencies through function bodies and closures: a
// variable used inside a function that another initializer calls is
// initialized first.
package main

var x = compute()
var y = 10
var fn = func() int { return z * 2 }
var z = 21
var w = fn()

func compute() int {
	return helper() + 1
}

func helper() int {
	return y * 3
}

func main() {
	println(x, y, z, w)
}
