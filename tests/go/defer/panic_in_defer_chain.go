// run

// A panic raised by a deferred call while panicking replaces the first
// one; the unrecovered chain prints oldest first, the later ones indented.
package main

func cleanup() {
	panic("second")
}

func main() {
	defer func() {
		panic("third")
	}()
	defer cleanup()
	panic("first")
}
