// errorcheck

// Operators not defined on their operand types.
package main

func main() {
	s := "a"
	b := true
	f := 1.5
	println(-s, !1, b+b, f%2, s*2)
}
