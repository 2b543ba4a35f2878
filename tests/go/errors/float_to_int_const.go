// errorcheck

// Constant conversions that lose information are errors (truncation).
package main

func main() {
	var i int = 2.5
	x := int(3.7)
	var u uint = -2.0
	println(i, x, u)
}
