// run

// A deferred call that panics during a normal return is recovered by an
// earlier-registered deferred call of the same function.
package main

func f() (res int) {
	defer func() {
		if r := recover(); r != nil {
			println("recovered", r.(string))
			res = -1
		}
	}()
	defer func() {
		println("about to panic in exit sequence")
		panic("exit panic")
	}()
	defer func() { println("first exit defer") }()
	return 10
}

func main() {
	println(f())
}
