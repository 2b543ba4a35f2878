// One case of ../deferbench.go without fmt/time: the same function, called
// N times from main, timed as a whole process by scripts/bench-cases (which
// subtracts the run time of empty.go, the loop alone).
package main

var sink int

//go:noinline
func work(n int) { sink += n }

func deepPanic(d int) {
	if d == 0 {
		panic("deep")
	}
	deepPanic(d - 1)
}

//go:noinline
func panicRecoverDeep() {
	defer func() { recover() }()
	deepPanic(10)
}

func main() {
	for i := 0; i < 1000000; i++ {
		panicRecoverDeep()
	}
	if sink == 42 {
		println(sink)
	}
}
