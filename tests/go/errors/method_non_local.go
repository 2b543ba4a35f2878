// errorcheck

// Methods on types of other packages, and a parameter whose type is the
// function being declared.
package main

import "strings"

func (b *strings.Builder) Twice() {}

func (int) M() {}

func foo(x foo) {}

func main() {}
