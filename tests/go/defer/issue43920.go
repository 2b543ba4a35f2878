// run

// Scenario of Go issue 43920: panics raised by deferred calls inside
// deferred calls, each recovered at its own level, while an outer panic
// is in progress; every step must happen once, in order.
package main

var steps int

func step(want int) {
	steps++
	println("step", steps, "want", want, steps == want)
}

func main() {
	defer func() {
		println("outermost recovered", recover().(int))
	}()
	defer func() {
		defer func() {
			defer func() {
				println("recovered", recover().(int))
			}()
			defer panic(5)
			func() {
				panic(4)
			}()
		}()
		defer func() {
			println("recovered", recover().(int))
		}()
		defer panic(3)
	}()
	func() {
		defer step(1)
		panic(1)
	}()
}
