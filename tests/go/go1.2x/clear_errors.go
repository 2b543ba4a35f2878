// errorcheck
// deft-flags: -gcflags=-e

// gc's errors for misused clear.

package main

func main() {
	var i int
	var a [3]int
	var p *[3]int
	var s string
	var ch chan int
	var sl []int
	clear()
	clear(i)
	clear(a)
	clear(p)
	clear(s)
	clear(ch)
	clear(nil)
	_ = clear(map[int]int{})
	clear(sl, sl)
	clear(sl...)
	f := clear
	_ = f
}
