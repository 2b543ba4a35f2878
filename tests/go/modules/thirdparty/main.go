package main

import (
	"fmt"

	"example.com/Quote"
	"example.com/Quote/wisdom"
)

func main() {
	fmt.Println(quote.Go())
	fmt.Println(quote.Shout())
	fmt.Printf("%T %v\n", wisdom.Today(), wisdom.Today())
	// This module is at go 1.27: a loop variable per iteration.
	var fs []func() byte
	for i := 0; i < 3; i++ {
		fs = append(fs, func() byte { return byte('0' + i) })
	}
	var b []byte
	for _, f := range fs {
		b = append(b, f())
	}
	fmt.Println(quote.Loop(), string(b))
}
