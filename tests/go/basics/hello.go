// run

// The smallest program: println of a string literal.
package main

func main() {
	println("hello, world")
}
