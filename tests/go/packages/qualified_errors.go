// errorcheck

// Qualified identifiers: unexported or missing names, and a function
// used as a type.
package main

import (
	"errors"
	"os"
	"time"
)

func main() {
	errors.new("x")
	os.Foo()
	var d time.Duration = "s"
	var t time.Now
	_, _ = d, t
}
