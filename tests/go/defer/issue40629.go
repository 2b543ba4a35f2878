// run

// Scenario of Go issue 40629: a function whose end is unreachable (an
// infinite loop after a run-time panic) has deferred calls with
// arguments; later defers grow the stack; the first defer recovers and
// must still see its arguments intact.
package main

func grow(n int) int {
	var a, b, c, d, e, f int = n, n, n, n, n, n
	if n == 0 {
		return 0
	}
	return grow(n-1) + a + b - c - d + e - f
}

var zero int

func run() {
	x1, x2, x3 := 0x999, "intact", 2.5
	defer func(a int, s string, f float64) {
		r := recover()
		println("recovered:", r != nil)
		println("args:", a == 0x999, s, f)
	}(x1, x2, x3)
	defer func() {
		println("growing the stack:", grow(5000))
	}()
	defer func() {
		grow(1000)
	}()
	println(100 / zero)
	for {
	}
}

func main() {
	run()
	println("returned from run")
}
