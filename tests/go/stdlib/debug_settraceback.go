// run

// runtime/debug.SetTraceback: "all" makes an unrecovered panic list every
// goroutine (the last call counts: "none" before it changed nothing).

package main

import "runtime/debug"

func block(ready, never chan bool) {
	ready <- true
	<-never
}

func main() {
	debug.SetTraceback("none")
	debug.SetTraceback("all")
	ready, never := make(chan bool), make(chan bool)
	go block(ready, never)
	<-ready
	println("the other goroutine is blocked")
	panic("boom")
}
