// run

// Evaluation order of append and copy operands (gc's order pass), append
// in deferred arguments and range expressions.

package main

var s []int

func f() int {
	s = append(s, 100)
	return 1
}

func g() []int {
	println("g")
	return []int{1, 2}
}

func h(x int) int {
	println("h", x)
	return x
}

func use(a, b []int) {
	println(len(a), len(b))
}

func main() {
	s = make([]int, 0, 10)
	s = append(s, f())
	println(len(s), s[0])
	t := append(g(), h(1), h(2))
	println(len(t))
	s = []int{1, 2, 3}
	s = append(s[:1], f(), f())
	println(len(s), s[0], s[1], s[2])
	defer use(append(g(), 3), make([]int, h(4)))
	for i, v := range append(g(), 9) {
		println(i, v)
	}
	x := []int{1, 2, 3}
	for i := range x {
		x = append(x, i)
	}
	println(len(x))
	n := copy(x, append(x[1:], 7))
	println(n, x[0], x[5])
	var bs []byte
	bs = append(bs, 'a')
	bs = append(bs, "bc"...)
	bs = append(bs[:1], bs[1:]...)
	println(string(bs))
}
