// errorcheck

// Syntax errors: a stray token and a missing operand.
package main

func main() {
	x := 1 +
	println(x))
}
