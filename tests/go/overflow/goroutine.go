// run

// A runaway recursion in a goroutine while main waits on a channel: the
// report shows the overflowed goroutine (created by main.main) first, then
// main, blocked in its receive.

package main

func f(n int) int {
	var a [64]int
	a[n%64] = n
	return f(n+1) + a[(n+1)%64]
}

func main() {
	c := make(chan int)
	go func() {
		c <- f(0)
	}()
	println(<-c)
}
