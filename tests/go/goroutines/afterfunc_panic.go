// run

// A panic in a function AfterFunc started: its goroutine was created by
// time.goFunc, which runs in the runtime's timer goroutine (no "in
// goroutine N"), at upstream sleep.go's line.

package main

import "time"

func main() {
	time.AfterFunc(time.Millisecond, func() { panic("boom") })
	time.Sleep(time.Second)
}
