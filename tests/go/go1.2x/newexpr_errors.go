// errorcheck
// deft-flags: -gcflags=-e

// gc's errors for misused new(expr).

package main

func two() (int, int) { return 1, 2 }
func none()           {}

func main() {
	_ = new(nil)
	_ = new(1 << 1000)
	_ = new(1e10000)
	_ = new(two())
	_ = new(none())
	_ = new(len)
	var p *int8 = new(1)
	_ = p
}
