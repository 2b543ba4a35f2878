// run

// After a recover, a new panic in the same deferred function: gc marks
// the first panic [recovered] in the printed chain.
package main

func main() {
	defer func() {
		if recover() != nil {
			println("got first")
		}
		panic("second after recover")
	}()
	panic("first")
}
