// errorcheck

// Misused built-in functions, as gc 1.27 words them.
package main

func main() {
	var s []int
	var m map[string]int
	var x int
	_ = append(x, 1)
	copy(x, s)
	copy(s, "abc")
	_ = make(int)
	_ = len(x)
	_ = cap(m)
	_ = append(s, 1, s...)
	copy(s, nil)
	f(1, s...)
}

func f(int, ...string) {}
