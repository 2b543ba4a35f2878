// run

// In Go 1.19 a for loop has one variable for all iterations: deferred
// closures that capture it all see its final value, while deferred calls
// that take it as an argument see each iteration's value.
package main

func main() {
	for i := 0; i < 3; i++ {
		defer func() { println("closure sees", i) }()
		defer println("argument was", i)
	}
	for _, r := range "ab" {
		defer func() { println("range closure sees", string(r)) }()
	}
}
