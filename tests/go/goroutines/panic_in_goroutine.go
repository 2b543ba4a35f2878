// run

// An unrecovered panic in a goroutine: its traceback ends with the
// `created by` line; deferred calls of that goroutine ran first.

package main

import (
	"fmt"
	"time"
)

func worker(n int, out chan<- int) {
	defer fmt.Println("worker deferred")
	out <- n
	var m map[string]int
	m["x"] = n
}

func main() {
	out := make(chan int)
	go worker(7, out)
	fmt.Println(<-out)
	time.Sleep(time.Second)
	fmt.Println("not reached")
}
