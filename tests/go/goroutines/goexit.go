// run

// runtime.Goexit ends only its goroutine, after its deferred calls; a
// panic recovered inside a goroutine leaves the others running.

package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer fmt.Println("deferred before Goexit")
		runtime.Goexit()
		fmt.Println("not reached")
	}()
	wg.Wait()
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() { fmt.Println("recovered", recover()) }()
		var a []int
		_ = a[3]
	}()
	wg.Wait()
	fmt.Println("main done")
}
