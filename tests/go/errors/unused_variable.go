// errorcheck

// A local variable declared and never used.
package main

func main() {
	x := 1
	y, z := 2, 3
	println(y)
}
