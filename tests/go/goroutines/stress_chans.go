// run

// Channels and select under preemption: a pipeline of stages with
// unbuffered and buffered channels, fan-in through select with a quit
// channel, and a closed channel waking every receiver. Sums and counts
// must be exact.

package main

import (
	"fmt"
	"sync"
)

func stage(in <-chan int, f func(int) int) <-chan int {
	out := make(chan int, 3)
	go func() {
		defer close(out)
		for x := range in {
			out <- f(x)
		}
	}()
	return out
}

func main() {
	src := make(chan int)
	go func() {
		for i := 1; i <= 20000; i++ {
			src <- i
		}
		close(src)
	}()
	out := stage(stage(stage(src, func(x int) int { return x * 2 }), func(x int) int { return x + 1 }), func(x int) int { return x % 1000 })
	sum := 0
	for x := range out {
		sum += x
	}
	fmt.Println("pipeline sum", sum)

	a, b := make(chan int), make(chan int, 16)
	quit := make(chan struct{})
	var senders sync.WaitGroup
	for s := 0; s < 4; s++ {
		senders.Add(1)
		go func(s int) {
			defer senders.Done()
			for i := 0; i < 5000; i++ {
				if i%2 == s%2 {
					a <- 1
				} else {
					b <- 2
				}
			}
		}(s)
	}
	go func() {
		senders.Wait()
		close(quit)
	}()
	got, fromA, fromB := 0, 0, 0
loop:
	for {
		select {
		case x := <-a:
			got += x
			fromA++
		case x := <-b:
			got += x
			fromB++
		case <-quit:
			break loop
		}
	}
	for len(b) > 0 {
		got += <-b
		fromB++
	}
	fmt.Println("select total", got, "from a", fromA, "from b", fromB)

	gate := make(chan struct{})
	var woken sync.WaitGroup
	results := make(chan int, 100)
	for i := 0; i < 100; i++ {
		woken.Add(1)
		go func(i int) {
			defer woken.Done()
			<-gate
			results <- i
		}(i)
	}
	close(gate)
	woken.Wait()
	close(results)
	n, total := 0, 0
	for i := range results {
		n++
		total += i
	}
	fmt.Println("woken", n, "total", total)
}
