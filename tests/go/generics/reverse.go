// run

// Reverse type inference (Go 1.21): a generic function, or one partially
// instantiated, assigned to a variable or result of function type.

package main

import "fmt"

func g[P any](p P) P { return p }
func h[P, Q any](p P) Q { var q Q; fmt.Println(p); return q }

var f1 func(int) int = g

func mk() func(string) string { return g }

func main() {
	var f2 func(int) string = h[int]
	fmt.Println(f1(3), f2(4) == "", mk()("x"))
	var f3, f4 func(bool) bool = g, g
	fmt.Println(f3(true), f4(false))
}
