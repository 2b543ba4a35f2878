// run

// An unrecovered divide-by-zero inside a function with defers: the
// deferred calls run, then the program dies with gc's message.
package main

func compute(d int) int {
	defer println("compute's defer runs")
	return 100 / d
}

func main() {
	defer println("main's defer runs")
	println(compute(4))
	println(compute(0))
}
