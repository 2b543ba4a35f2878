// errorcheck

// Array types larger than the address space, in a type and a variable.
package main

type V [1 << 50]byte

var X struct{ a [1 << 48]int64 }

func main() {}
