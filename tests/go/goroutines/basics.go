// run

// Channels: unbuffered hand-off between goroutines, range until close,
// buffered FIFO with len and cap, comma-ok receives after close, select
// with default and nil channels, channel panics recovered, and a send on
// a closed channel that is not.

package main

import "fmt"

type pair struct {
	a, b int
	s    string
}

func producer(n int, out chan<- int) {
	for i := 0; i < n; i++ {
		out <- i * i
	}
	close(out)
}

func main() {
	c := make(chan int)
	go producer(5, c)
	for v := range c {
		fmt.Println("got", v)
	}
	b := make(chan pair, 3)
	b <- pair{1, 2, "x"}
	b <- pair{3, 4, "y"}
	fmt.Println(len(b), cap(b))
	p, ok := <-b
	fmt.Println(p, ok)
	close(b)
	p, ok = <-b
	fmt.Println(p, ok)
	p, ok = <-b
	fmt.Println(p, ok)
	done := make(chan bool)
	res := make(chan string, 10)
	for i := 0; i < 3; i++ {
		go func(i int) {
			res <- fmt.Sprint("worker ", i)
			done <- true
		}(i)
	}
	for i := 0; i < 3; i++ {
		<-done
	}
	close(res)
	n := 0
	for s := range res {
		n += len(s)
	}
	fmt.Println("total", n)
	var nilc chan int
	select {
	case v := <-nilc:
		fmt.Println("impossible", v)
	case make(chan pair) <- pair{}:
		fmt.Println("impossible send")
	default:
		fmt.Println("default")
	}
	q := make(chan int, 1)
	select {
	case q <- 7:
		fmt.Println("sent")
	}
	select {
	case v, ok := <-q:
		fmt.Println("recv", v, ok)
	}
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		close(q)
		close(q)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		close(nilc)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		select {
		case b <- pair{}:
		default:
		}
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		_ = make(chan int, -1+len(res))
	}()
	c2 := make(chan int)
	go func() { defer close(c2); c2 <- 1 }()
	v1, ok1 := <-c2
	v2, ok2 := <-c2
	fmt.Println(v1, ok1, v2, ok2)
	b <- pair{}
}
