// run

// Scenario of Go issue 48898: after nested panics inside deferred calls
// have been recovered, a later deferred call in an enclosing frame must
// still run when a further panic passes through it.
package main

func main() {
	defer func() {
		println("main recovered", recover().(int))
	}()
	func() {
		func() {
			defer func() {
				defer func() {
					recover()
				}()
				defer panic(3)
				panic(2)
			}()
			defer func() {
				recover()
			}()
			panic(1)
		}()
		defer func() {}()
	}()

	x := 123
	func() {
		defer println("this deferred print must run", x)
		func() {
			defer func() {}()
			panic(4)
		}()
	}()
}
