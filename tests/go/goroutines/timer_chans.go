// run

// Go 1.23's timer channels (asynctimerchan=0, the default for a go1.23+
// module and for files run alone): len and cap 0, Stop and Reset
// discard a value sent but not received, Stop reports such a timer as
// pending; AfterFunc's C is nil; Ticker.Reset; a context's timeout.

package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Millisecond)
	fmt.Println("len/cap", len(t.C), cap(t.C))
	time.Sleep(20 * time.Millisecond)
	fmt.Println("len after expiry", len(t.C))
	fmt.Println("stop after expiry, not received:", t.Stop())
	select {
	case v := <-t.C:
		fmt.Println("stale value", v)
	default:
		fmt.Println("no stale value after Stop")
	}
	fmt.Println("stop again:", t.Stop())

	t.Reset(time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	fmt.Println("reset after expiry, not received:", t.Reset(time.Hour))
	select {
	case <-t.C:
		fmt.Println("stale value after Reset")
	default:
		fmt.Println("no stale value after Reset")
	}
	fmt.Println("reset active:", t.Reset(time.Millisecond))
	<-t.C
	fmt.Println("received; stop:", t.Stop())

	f := time.AfterFunc(time.Hour, func() {})
	fmt.Println("AfterFunc C nil:", f.C == nil, "stop:", f.Stop(), f.Stop())
	done := make(chan int)
	f = time.AfterFunc(time.Millisecond, func() { done <- 1 })
	<-done
	fmt.Println("AfterFunc ran; stop:", f.Stop(), "reset:", f.Reset(time.Millisecond))
	<-done
	fmt.Println("AfterFunc ran again")

	tk := time.NewTicker(time.Hour)
	fmt.Println("ticker len/cap", len(tk.C), cap(tk.C))
	tk.Reset(2 * time.Millisecond)
	start := time.Now()
	<-tk.C
	<-tk.C
	fmt.Println("two ticks after reset:", time.Since(start) >= 4*time.Millisecond)
	tk.Stop()
	time.Sleep(10 * time.Millisecond)
	select {
	case <-tk.C:
		fmt.Println("tick after Stop")
	default:
		fmt.Println("no tick after Stop")
	}

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	<-ctx.Done()
	fmt.Println("context:", ctx.Err())

	var z time.Timer
	defer func() { fmt.Println("recovered:", recover()) }()
	z.Stop()
}
