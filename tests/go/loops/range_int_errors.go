// errorcheck

// Misuses of range over integers, with gc 1.27's errors.

package main

func main() {
	var f float64
	for i, j := range 10 {
		_, _ = i, j
	}
	for i := range 3.0 {
		_ = i
	}
	for i := range 3.5 {
		_ = i
	}
	for range f {
	}
	var s string
	for s = range 10 {
	}
	var u uint8
	for u = range 1000 {
	}
	const c = 1 << 70
	for range c {
	}
	for _, y := range 5 {
		_ = y
	}
	var b bool
	for b = range 3 {
	}
	_, _, _ = s, b, u
}
