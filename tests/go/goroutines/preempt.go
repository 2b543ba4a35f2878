// run

// Goroutines that spin without blocking are preempted: the sleeping main
// goroutine still wakes up on time.

package main

import (
	"fmt"
	"time"
)

var counter int

func spin(stop *bool) {
	for !*stop {
		counter++
	}
}

func main() {
	stop := false
	go spin(&stop)
	go func() {
		x := 0.0
		for {
			x += 1.5
			if x < 0 {
				break
			}
		}
	}()
	time.Sleep(50 * time.Millisecond)
	stop = true
	time.Sleep(20 * time.Millisecond)
	fmt.Println("main done", counter > 0)
}
