// run

// A shift by a negative signed count panics at run time.
package main

func shl(x int, n int) int {
	return x << n
}

func main() {
	println(shl(1, 4))
	println(shl(1, 100))
	println(shl(1, -1))
}
