// run

// A frame resumed after a recovery continues with the callee-saved
// registers it had at the call that panicked, and so do its callers, which
// keep live values in them across calls. mix keeps five values live across
// calls that end in a recovered panic raised deeper down, through frames
// that do not save those registers themselves: a send on a channel closed
// while the sender waited (other goroutines entered the runtime
// meanwhile), and a panic raised by a deferred call run for an earlier
// panic of a frame without defers.
package main

import (
	"fmt"
	"runtime"
)

//go:noinline
func protect(f func()) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			println("recovered:", fmt.Sprint(r))
			ok = false
		}
	}()
	f()
	return true
}

// mix keeps five values live across each protected call.
func mix(name string, f func(i int)) {
	a, b, c, d, e := 1, 2, 3, 4, 5
	for i := 0; i < 4; i++ {
		ok := protect(func() { f(i) })
		a, b, c, d, e = b+i, c+a, d*2+e, e+1, a^b^i
		println(name, i, ok, a, b, c, d, e)
	}
}

// The channel and value of the current send: globals, so that sendPanics
// and send keep nothing live across their calls and save no register.
var (
	sendCh chan int
	sendV  int
)

//go:noinline
func send() { sendCh <- sendV }

// closer runs while send waits, enters the runtime a few hundred times,
// then closes the channel (odd values) or receives.
func closer() {
	m := map[int]int{}
	for k := 0; k < 100; k++ {
		m[k] = k * sendV
	}
	runtime.Gosched()
	if sendV%2 == 1 {
		close(sendCh)
	} else {
		<-sendCh
	}
}

func sendPanics(i int) {
	sendCh, sendV = make(chan int), i
	go closer()
	send()
}

//go:noinline
func boom(i int) { panic(i) }

//go:noinline
func panicTwice(i int) {
	defer func() {
		if r := recover(); r != nil {
			println("recovered in panicTwice:", fmt.Sprint(r))
		}
	}()
	defer func() {
		if i%2 == 1 {
			panic(fmt.Sprint("second ", i))
		}
	}()
	boom(i)
}

func main() {
	mix("send", sendPanics)
	mix("twice", panicTwice)
}
