// run

// A module at go 1.21.5 (a patch release: the language is go1.21) may use
// min, max and clear; so may a file of it whose //go:build line asks for
// an older Go.

package main

import "fmt"

func main() {
	m := map[string]int{"a": 1}
	clear(m)
	fmt.Println(min(3, 1, 2), max("x", "y"), len(m), older())
}
