// errorcheck

// Assignment count mismatches: too few and too many values.
package main

func two() (int, int) { return 1, 2 }

func main() {
	a, b, c := two()
	var d int = two()
	e, f := 1
	println(a, b, c, d, e, f)
}
