// run

// Array literals that list few of their elements, of any length: the
// listed elements are evaluated in source order, the others are zero.

package main

import "fmt"

var n = 3

func next() int { n++; return n }

var big = [100]int{5: next(), 1: next(), 99: 7}
var small = [4]int{2: 1}

var huge = [64 << 20]byte{7: 42}

type P struct{ a, b int }

func main() {
	local := [200]P{10: {1, 2}, 150: {next(), next()}}
	fmt.Println(big[1], big[5], big[99], big[0], small, local[10], local[150], local[0], len(local))
	s := [...]string{300: "x", 2: "y"}
	fmt.Println(len(huge), huge[7], huge[8])
	fmt.Println(len(s), s[2], s[300], s[0] == "")
}
