// errorcheck

// The unexported fields of another package's struct type cannot be set
// in a composite literal, by position or by name.
package main

import "strings"

func main() {
	a := strings.Builder{nil, nil}
	b := strings.Builder{buf: nil}
	_, _ = a, b
}
