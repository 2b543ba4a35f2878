//go:debug panicnil=1

package main

import (
	"fmt"

	"example.com/godebugdirective/lib"
)

func main() {
	r := lib.Catch(func() { panic(nil) })
	fmt.Printf("%v %T\n", r, r)
}
