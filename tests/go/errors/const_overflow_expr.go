// errorcheck

// Constant arithmetic that overflows its typed operands, and constant
// division by zero.
package main

const big int64 = 1 << 62

func main() {
	x := big * 4
	var u uint = 1 << 64
	y := 10 / 0
	println(x, u, y)
}
