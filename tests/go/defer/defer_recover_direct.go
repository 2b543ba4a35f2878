// run

// `defer recover()` directly in the panicking function does not stop the
// panic: the panicking function is not a deferred call.
package main

func direct() {
	defer recover()
	panic("direct")
}

func main() { direct(); println("survived") }
