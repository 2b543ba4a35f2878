// run

// An unrecovered panic in a goroutine: its deferred calls run, then the
// traceback ends with the `created by` line.

package main

import (
	"fmt"
	"time"
)

func worker(n int) {
	defer fmt.Println("worker deferred")
	var m map[string]int
	m["x"] = n
}

func main() {
	go worker(7)
	time.Sleep(time.Second)
	fmt.Println("not reached")
}
