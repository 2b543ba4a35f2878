// run

// An unrecovered write to a nil map: exit status 2 and gc's message.
package main

var m map[string][]int

func main() {
	println("before")
	m["x"] = []int{len(m["x"]) + 1}
	println("after")
}
