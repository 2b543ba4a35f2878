// run

// A panic crosses many frames, each with its own deferred call; they run
// innermost first, and a recover near the top stops the panic.
package main

func descend(n int) {
	defer println("unwinding", n)
	if n == 0 {
		panic("bottom")
	}
	descend(n - 1)
	println("never printed", n)
}

func top() (ok bool) {
	defer func() {
		ok = recover() == "bottom"
	}()
	descend(10)
	return false
}

func main() {
	println(top())
	println("main continues")
}
