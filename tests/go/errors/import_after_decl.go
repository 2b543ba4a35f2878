// errorcheck

// Imports after other declarations are accepted, with an error.
package main

var x = 1

import "strings"

func main() {}
