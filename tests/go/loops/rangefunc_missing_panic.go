// run

// An iterator that recovers the loop body's panic and returns normally:
// the loop panics with gc's runtime error, unrecovered.

package main

import "fmt"

func swallow(yield func(int) bool) {
	defer func() { fmt.Println("iterator recovered:", recover()) }()
	yield(1)
}

func main() {
	for i := range swallow {
		panic(i)
	}
}
