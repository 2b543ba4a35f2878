// run

// A panic raised in one file crosses functions declared in another; the
// trace names each function, and deferred calls from both files run.
package main

func main() {
	defer println("main deferred")
	process(3)
}
