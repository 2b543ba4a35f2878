// run

// Integer division by a zero variable is a run-time panic; the program
// dies with gc's message and exit status 2.
package main

func divide(a, b int) int {
	return a / b
}

func main() {
	println("before")
	println(divide(10, 2))
	println(divide(1, 0))
	println("not reached")
}
