// errorcheck

// Strings are immutable: assigning to a byte of a string is an error.
package main

func main() {
	s := "abc"
	s[0] = 65
	println(s)
}
