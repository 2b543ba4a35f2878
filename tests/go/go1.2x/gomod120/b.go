//go:build go1.21

package main

func f() {
	println(min(1, 2), max(3, 4))
	clear(map[int]int{})
}
