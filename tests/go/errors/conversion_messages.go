// errorcheck

// Constant conversions that overflow, untyped operands that cannot match
// the other operand, shifts of non-integers.
package main

func main() {
	_ = byte(256)
	_ = int8(-129)
	_ = uint(-1)
	var p *int
	_ = p == 1
	var f float64 = 1 << 3
	var s uint = 2
	var g float64 = 1 << s
	_ = int("a")
	_ = f
	_ = g
	var y int
	y()
}
