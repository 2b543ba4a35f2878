// errorcheck

// A name declared twice in one scope, and := with no new variables.
package main

func main() {
	x := 1
	var x int
	y := 2
	y := 3
	println(x, y)
}
