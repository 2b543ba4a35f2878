// run

// time's timers: After in a select, Timer Stop/Reset, Ticker, AfterFunc,
// Tick with a timeout.

package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	start := time.Now()
	select {
	case <-time.After(30 * time.Millisecond):
		fmt.Println("after", time.Since(start) >= 30*time.Millisecond)
	case <-time.After(time.Second):
		fmt.Println("wrong")
	}
	t := time.NewTimer(time.Hour)
	fmt.Println("stop", t.Stop(), t.Stop())
	fmt.Println("reset", t.Reset(10*time.Millisecond))
	<-t.C
	fmt.Println("timer fired")
	tk := time.NewTicker(5 * time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 3 {
			tk.Stop()
			break
		}
	}
	fmt.Println("ticks", n)
	done := make(chan bool)
	time.AfterFunc(5*time.Millisecond, func() { done <- true })
	fmt.Println("afterfunc", <-done)
	timeout := time.After(50 * time.Millisecond)
	tick := time.Tick(10 * time.Millisecond)
	k := 0
loop:
	for {
		select {
		case <-tick:
			k++
		case <-timeout:
			break loop
		}
	}
	fmt.Println("ticked", k >= 3 && k <= 5, runtime.NumGoroutine())
	defer func() { fmt.Println(recover()) }()
	time.NewTicker(0)
}
