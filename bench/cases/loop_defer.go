// One case of ../deferbench.go without fmt/time: the same function, called
// N times from main, timed as a whole process by scripts/bench-cases (which
// subtracts the run time of empty.go, the loop alone).
package main

var sink int

//go:noinline
func work(n int) { sink += n }

//go:noinline
func loopDefer() {
	for i := 0; i < 1; i++ {
		defer work(1)
	}
}

func main() {
	for i := 0; i < 20000000; i++ {
		loopDefer()
	}
	if sink == 42 {
		println(sink)
	}
}
