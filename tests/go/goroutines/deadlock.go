// run

// A deadlock: every goroutine is blocked, gc's fatal error.

package main

import "fmt"

func main() {
	c := make(chan int)
	go func() {
		c <- 1
	}()
	fmt.Println(<-c)
	<-c
}
