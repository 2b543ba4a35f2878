// run

// Deferred calls run last-in first-out when the function returns, after
// the return values are computed, including defers in nested blocks.
package main

func trace(s string) { println("deferred", s) }

func f() int {
	x := 1
	defer trace("first")
	if x > 0 {
		defer trace("in if")
	}
	{
		defer trace("in block")
	}
	defer trace("last")
	println("body done")
	return x * 10
}

func main() {
	println("result", f())
	defer println("main's defer")
	println("main body done")
}
