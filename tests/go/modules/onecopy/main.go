package main

import (
	"fmt"

	"example.com/onecopy/counter"
	c2 "example.com/onecopy/counter"
	"example.com/onecopy/left"
	"example.com/onecopy/right"
)

func main() {
	left.Bump()
	right.Bump()
	counter.Bump()
	c2.Bump()
	fmt.Println(counter.N, c2.N, counter.Inits, left.Seen(), right.Seen())
	fmt.Println(counter.Addr() == c2.Addr(), left.Same(counter.Addr()))
}
