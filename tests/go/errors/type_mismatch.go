// errorcheck

// Binary operators on mismatched types, and assigning a string to an int.
package main

func main() {
	var i int = 1
	var s string = "s"
	var f float64 = 2
	println(i + s)
	println(i + f)
	i = "hello"
	var i32 int32 = 4
	println(i == i32)
}
