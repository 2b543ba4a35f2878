// run

// A run-time panic inside an iterator driven by iter.Pull, not recovered:
// gc's report, raised again by next in the calling goroutine.
package main

import (
	"fmt"
	"iter"
)

func gen(yield func(int) bool) {
	yield(1)
	var m map[string]int
	m["x"] = 1
}

func main() {
	next, stop := iter.Pull(iter.Seq[int](gen))
	defer stop()
	fmt.Println(next())
	fmt.Println(next())
}
