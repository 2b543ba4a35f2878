// run

// strings.Repeat with a negative count panics.
package main

import "strings"

func main() {
	println(strings.Repeat("ab", 2))
	println(strings.Repeat("ab", -1))
}
