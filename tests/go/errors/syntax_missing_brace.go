// errorcheck

// A syntax error: a statement where an expression is required.
package main

func main() {
	x := 1
	if x == 1 {
		println("one")
	
	println("done")
}
