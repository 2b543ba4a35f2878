// run

// select: blocking until one case is ready, a send case, timeouts made of
// channels closed by sleepers, and a loop multiplexing two producers.

package main

import (
	"fmt"
	"time"
)

func after(d time.Duration) <-chan bool {
	c := make(chan bool)
	go func() {
		time.Sleep(d)
		close(c)
	}()
	return c
}

func main() {
	data := make(chan int)
	go func() {
		time.Sleep(30 * time.Millisecond)
		data <- 42
	}()
	select {
	case v := <-data:
		fmt.Println("data", v)
	case <-after(200 * time.Millisecond):
		fmt.Println("timeout")
	}
	select {
	case v := <-data:
		fmt.Println("data", v)
	case <-after(20 * time.Millisecond):
		fmt.Println("timeout")
	}

	a, b := make(chan string), make(chan string)
	go func() {
		for i := 0; i < 3; i++ {
			a <- fmt.Sprint("a", i)
		}
		close(a)
	}()
	go func() {
		for i := 0; i < 3; i++ {
			b <- fmt.Sprint("b", i)
		}
		close(b)
	}()
	got := map[string]bool{}
	for a != nil || b != nil {
		select {
		case s, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			got[s] = true
		case s, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			got[s] = true
		}
	}
	fmt.Println(len(got), got)

	out := make(chan int, 1)
	for i := 0; i < 3; i++ {
		select {
		case out <- i:
			fmt.Println("sent", i)
		default:
			fmt.Println("full, dropped", i, "holding", <-out)
		}
	}
}
