// run

// Map entries as targets of multi-value assignments: stored only after the
// call returns, untouched when it panics.
package main

func two() (int, string) { return 1, "b" }
func bad() (int, string) { panic("x") }

func main() {
	m := map[int]int{}
	s := map[int]string{}
	m[1], s[2] = two()
	println(m[1], s[2], len(m), len(s))
	func() {
		defer func() { recover() }()
		m[5], s[6] = bad()
	}()
	println(len(m), len(s))
	var v interface{}
	v, m[7] = 3, 4
	println(v.(int), m[7])
	x, y := map[int]int{1: 2}[1], map[string]bool{"t": true}["t"]
	println(x, y)
}
