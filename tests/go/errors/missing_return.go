// errorcheck

// A function with results whose end is reachable.
package main

func f(x int) int {
	if x > 0 {
		return 1
	}
}

func g(x int) string {
	for x > 0 {
		return "a"
	}
}

func main() {
	println(f(1), g(1))
}
