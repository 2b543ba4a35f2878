// run

// A module whose go.mod says go 1.21 keeps the loop variables of Go 1.21
// and before: one variable for the whole loop, which closures share.

package main

import "fmt"

func main() {
	var fs []func()
	for i := 0; i < 3; i++ {
		fs = append(fs, func() { fmt.Print(i, " ") })
	}
	for _, x := range []int{7, 8} {
		fs = append(fs, func() { fmt.Print(x, " ") })
	}
	for _, f := range fs {
		f()
	}
	fmt.Println()
}
