// run

// Scenario of Go issue 43941: a nested panic recovered inside deferred
// calls of an inner frame, then more defers in enclosing frames, then a
// new panic; every deferred call must run exactly once and in order.
package main

var steps = 7

func step(want int) {
	steps++
	println("step", steps, "want", want)
}

func main() {
	defer func() {
		step(14)
		println("final recover", recover().(int))
	}()
	func() {
		func() {
			defer func() {
				defer func() {
					println("recovered", recover().(int))
				}()
				defer panic(3)
				panic(2)
			}()
			defer func() {
				println("recovered", recover().(int))
			}()
			defer panic(1)
		}()
		defer func() {}()
		defer func() {}()
		defer step(10)
		defer step(9)
		step(8)
	}()
	func() {
		defer step(13)
		defer step(12)
		func() {
			defer step(11)
			panic(4)
		}()
		defer func() {}()
		defer panic(-1)
		defer step(-1)
	}()
}
