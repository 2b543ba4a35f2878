//go:build go1.18

package main

func older() [2]int {
	s := []int{min(5, 6), max(7, 8)}
	return [2]int(s)
}
