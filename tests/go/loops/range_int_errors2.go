// errorcheck

// More misuses of range over integers: a float iteration variable, a
// pointer, an untyped float constant.

package main

func main() {
	var fl float64
	for fl = range 3 {
	}
	var p *int
	for range p {
	}
	for i := range 1e3 {
		_ = i
	}
	_ = fl
}
