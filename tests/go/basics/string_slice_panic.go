// run

// Slicing a string out of range panics with gc's message for slices.
package main

func cut(s string, i, j int) string { return s[i:j] }

func main() {
	println(cut("hello", 1, 3))
	println(cut("hello", 3, 9))
}
