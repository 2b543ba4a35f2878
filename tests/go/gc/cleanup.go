// run

// runtime.AddCleanup: the cleanup of an object made and dropped in a
// finished call runs (on the runtime's goroutine) after a collection, as a
// finalizer does.

package main

import (
	"fmt"
	"runtime"
	"time"
)

type res struct{ buf [64]byte }

//go:noinline
func make1(done chan string) {
	a := &res{}
	runtime.AddCleanup(a, func(name string) { done <- name }, "a")
}

//go:noinline
func churn() int {
	var x [256]int
	for i := range x {
		x[i] = i
	}
	return x[100]
}

func main() {
	done := make(chan string, 3)
	make1(done)
	churn()
	runtime.GC()
	runtime.GC()
	select {
	case n := <-done:
		fmt.Println("cleaned", n)
	case <-time.After(2 * time.Second):
		fmt.Println("no cleanup")
	}
	var fin = make(chan bool, 1)
	func() {
		p := &res{}
		runtime.SetFinalizer(p, func(*res) { fin <- true })
	}()
	churn()
	runtime.GC()
	select {
	case <-fin:
		fmt.Println("finalized")
	case <-time.After(2 * time.Second):
		fmt.Println("no finalizer")
	}
}
