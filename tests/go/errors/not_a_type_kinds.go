// errorcheck

// A name that is not a type used as one: gc 1.27 says what the name is.
package main

import "strings"

var global int

const c = 1

func f() {}

type T struct{ x int }

func (t T) m(p int) (r int) {
	var a p
	var b t
	_, _ = a, b
	return
}

func main() {
	var l int
	var x1 strings
	var x2 global
	var x3 c
	var x4 f
	var x5 len
	var x6 l
	var x7 T.m
	_, _, _, _, _, _, _ = x1, x2, x3, x4, x5, x6, x7
}
