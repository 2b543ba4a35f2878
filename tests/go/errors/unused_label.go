// errorcheck

// A label that is defined and never used.
package main

func main() {
unused:
	for i := 0; i < 2; i++ {
		println(i)
	}
}
