// goroutines: the costs of goroutines and channels, each case printing
// "NAME ns/op": an unbuffered ping-pong (two switches per op), a buffered
// producer/consumer, spawning goroutines that finish at once, and a
// select over two channels.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"
)

func measure(name string, n int, f func(n int)) {
	start := time.Now()
	f(n)
	el := time.Since(start)
	fmt.Printf("%-20s %8.2f ns/op\n", name, float64(el.Nanoseconds())/float64(n))
}

func pingpong(n int) {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	for i := 0; i < n; i++ {
		ping <- i
		<-pong
	}
	close(ping)
}

func buffered(n int) {
	c := make(chan int, 128)
	done := make(chan int)
	go func() {
		s := 0
		for v := range c {
			s += v
		}
		done <- s
	}()
	for i := 0; i < n; i++ {
		c <- i
	}
	close(c)
	<-done
}

func spawn(n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() { wg.Done() }()
		if i%1000 == 999 {
			wg.Wait()
		}
	}
	wg.Wait()
}

func selects(n int) {
	a, b := make(chan int), make(chan int)
	go func() {
		for i := 0; i < n; i++ {
			if i%2 == 0 {
				a <- i
			} else {
				b <- i
			}
		}
	}()
	s := 0
	for i := 0; i < n; i++ {
		select {
		case v := <-a:
			s += v
		case v := <-b:
			s -= v
		}
	}
}

func main() {
	n := 1000000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	measure("chan-pingpong", n, pingpong)
	measure("chan-buffered", n, buffered)
	measure("go-spawn", n, spawn)
	measure("select", n, selects)
}
