// One case of ../deferbench.go without fmt/time: the same function, called
// N times from main, timed as a whole process by scripts/bench-cases (which
// subtracts the run time of empty.go, the loop alone).
package main

var sink int

//go:noinline
func work(n int) { sink += n }

//go:noinline
func condDefers(n int) {
	if n&1 == 0 {
		defer work(1)
	}
	if n&2 == 0 {
		defer work(2)
	}
	defer work(3)
}

func main() {
	for i := 0; i < 20000000; i++ {
		condDefers(i)
	}
	if sink == 42 {
		println(sink)
	}
}
