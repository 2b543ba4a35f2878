// errorcheck

// An import that is never used.
package main

import "fmt"

func main() {
	println("hi")
}
