// run

// A run-time error inside a deferred call while another panic is in
// progress: the chain shows the user panic, then gc's run-time error text.
package main

var zero int

func main() {
	defer func() {
		println("computing in a deferred call")
		println(1 / zero)
	}()
	panic("first")
}
