// One case of ../deferbench.go without fmt/time: the same function, called
// N times from main, timed as a whole process by scripts/bench-cases (which
// subtracts the run time of empty.go, the loop alone).
package main

var sink int

//go:noinline
func work(n int) { sink += n }

//go:noinline
func panicRecover() {
	defer func() { recover() }()
	panic("x")
}

func main() {
	for i := 0; i < 2000000; i++ {
		panicRecover()
	}
	if sink == 42 {
		println(sink)
	}
}
