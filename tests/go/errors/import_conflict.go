// errorcheck

// Package-level names that are also import names of a file.
package main

import (
	"fmt"
	str "strings"
)

var _ = fmt.Sprint
var _ = str.Repeat

var fmt int

func str() {}

func main() {}
