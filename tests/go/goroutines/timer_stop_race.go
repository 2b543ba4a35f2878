// run

// Racing a timer's firing against Stop and Reset (time's issue 69312):
// when they report the timer was not pending, its value can be received;
// when they report it was, none can (a goroutine would block forever).
// Many goroutines, so that a timer's send may be preempted in flight.

package main

import (
	"fmt"
	"sync"
	"time"
)

func race(stopOrReset func(*time.Timer) bool) {
	start := make(chan struct{})
	var wg sync.WaitGroup
	const N = 200
	wg.Add(N)
	for range N {
		go func() {
			defer wg.Done()
			<-start
			for range 50 {
				t1 := time.NewTimer(time.Millisecond)
				t2 := time.NewTimer(time.Millisecond)
				select {
				case <-t1.C:
					if !stopOrReset(t2) {
						<-t2.C
					}
				case <-t2.C:
					if !stopOrReset(t1) {
						<-t1.C
					}
				}
			}
		}()
	}
	close(start)
	wg.Wait()
}

func main() {
	race((*time.Timer).Stop)
	fmt.Println("stop: done")
	race(func(t *time.Timer) bool { return t.Reset(time.Hour) })
	fmt.Println("reset: done")
}
