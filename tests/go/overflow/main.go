// run

// A runaway recursion in the main goroutine: gc's "fatal error: stack
// overflow" report, exit status 2. What was printed before stays. (Each
// frame holds an array so that the million-frame stack that overflows
// takes gc seconds, not tens of seconds, to walk.)

package main

func f(n int) int {
	var a [64]int
	a[n%64] = n
	return f(n+1) + a[(n+1)%64]
}

func main() {
	println("before")
	println(f(0))
}
