// errorcheck
// deft-flags: -gcflags=-e

// gc's errors for conversions from slices to arrays that are not allowed.

package main

type A [2]int

func main() {
	s := []int{1, 2}
	_ = [2]int8(s)
	_ = [2]int(nil)
	_ = A("ab")
	_ = [2]int(s, s)
	_ = (*[2]string)(s)
	var arr [2]int
	_ = []int(arr)
}
