// run

// A strings.Builder copied after use panics on the next write.
package main

import "strings"

func main() {
	var a strings.Builder
	a.WriteString("x")
	b := a
	println(b.Len())
	b.WriteString("y")
}
