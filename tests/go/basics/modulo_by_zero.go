// run

// Remainder by zero panics too, for unsigned operands as well.
package main

func rem(a, b uint16) uint16 { return a % b }

func main() {
	var z uint16
	println(rem(7, 3))
	println(rem(7, z))
}
