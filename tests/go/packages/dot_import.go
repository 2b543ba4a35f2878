// run

// A dot import declares the package's exported names in the file.
package main

import (
	"fmt"
	. "strings"
)

func main() {
	var b Builder
	b.WriteString(ToUpper("dot"))
	fmt.Println(b.String(), Contains("abc", "b"))
}
