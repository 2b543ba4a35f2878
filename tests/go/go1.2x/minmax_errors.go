// errorcheck
// deft-flags: -gcflags=-e

// gc's errors for misused min and max.

package main

func main() {
	var b bool
	var i int
	var f float64
	var p *int
	var sl []int
	var m map[int]int
	var c complex128
	var i8 int8
	_ = min()
	_ = max()
	_ = min(b)
	_ = min(i, f)
	_ = max(p)
	_ = min(sl)
	_ = max(m, m)
	_ = min(1, "a")
	_ = max(i, "a")
	_ = min(1, i, 2.5)
	min(1, 2)
	defer min(1, 2)
	go max(i, 2)
	_ = min(c)
	_ = max(1i, 2)
	_ = min(true, false)
	_ = min(nil)
	_ = min(sl...)
	_ = max(i8, 1000)
	var x int = max(1, 2, 1<<70)
	_ = x
	const k = min(1.5, 2)
	var y int = k
	_ = y
	_ = min(1, 2) + "a"
	fn := min
	_ = fn
}
