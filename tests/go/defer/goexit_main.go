// run

// runtime.Goexit on the main goroutine runs every deferred call, cannot be
// stopped by recover (which returns nil), and then the program dies.
package main

import "runtime"

func main() {
	defer func() {
		println("recover during Goexit is nil:", recover() == nil)
	}()
	defer println("deferred before Goexit runs")
	func() {
		defer println("inner frame's defer runs")
		runtime.Goexit()
	}()
	println("not reached")
}
