// run

// A recover() in a function deferred by a deferred function was not called
// directly by a deferred call of the panic: it returns nil.
package main

func f4() {
	defer func() {
		defer func() { println("f4 inner", recover() != nil) }()
	}()
	panic(1)
}

func main() { f4(); println("survived") }
