// errorcheck

// Constants that do not fit the type they are assigned to.
package main

func main() {
	var a int8
	a = 300
	var b uint8 = -1
	var c int32 = 1 << 31
	println(a, b, c)
}
