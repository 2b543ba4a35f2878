// run

// An unrecovered panic with an int value, raised two calls deep; the
// trace lists each Go frame.
package main

func level2(n int) {
	if n > 1 {
		panic(42)
	}
}

func level1() {
	level2(5)
}

func main() {
	level1()
}
