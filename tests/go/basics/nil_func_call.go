// run

// Calling a nil func value is a run-time panic (a nil dereference in gc).
package main

var hook func(int)

func main() {
	println("calling")
	hook(1)
}
