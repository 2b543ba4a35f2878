// run

// An unrecovered panic(nil) prints gc 1.19's message and exits 2.
package main

func main() {
	println("about to panic(nil)")
	panic(nil)
}
