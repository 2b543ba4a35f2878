// errorcheck

// Calling something that is not a function.
package main

func main() {
	x := 5
	x()
	s := "str"
	println(s(1))
}
