// run

// recover returns nil when there is no panic, when called on the normal
// exit path, and when called by a function the deferred function calls
// (not directly by the deferred function).
package main

func helper() interface{} { return recover() }

func noPanic() {
	defer func() {
		println("no panic:", recover() == nil)
	}()
}

func indirect() (result string) {
	defer func() {
		r := recover()
		println("direct recover got value:", r != nil)
		result = "recovered by direct call"
	}()
	defer func() {
		println("indirect recover is nil:", helper() == nil)
	}()
	panic("p")
}

func main() {
	println("top level:", recover() == nil)
	noPanic()
	println(indirect())
	func() {
		defer func() {
			func() {
				println("nested literal is nil:", recover() == nil)
			}()
			println("then direct:", recover() != nil)
		}()
		panic("q")
	}()
}
