// run

// Scenario of Go issue 43921: a frame that cannot open-code its defers (a
// defer in a loop) has a deferred call that panics and recovers its own
// nested panic; the outer panic must continue to the caller's recover.
package main

func main() {
	defer func() {
		println("main recovered", recover().(int))
	}()
	func() {
		for {
			defer func() { println("loop defer runs") }()
			break
		}
		defer func() {
			defer func() {
				println("nested recovered", recover().(int))
			}()
			panic(4)
		}()
		panic(1)
	}()
}
