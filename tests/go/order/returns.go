// run

package main

var g int

func setg() int { g = 5; return 1 }

func r1() (int, int) {
	g = 1
	return g, setg()
}

func r2() (a, b int) {
	a = 1
	inc := func() int { a = 100; return 2 }
	return a, inc()
}

type T struct{ x int }

func (t T) get() int { return t.x }
func (t *T) set(v int) int { t.x = v; return v }

func r3() (int, int) {
	t := T{1}
	return t.get(), t.set(9)
}

func r4() (int, int) {
	t := T{1}
	return t.x, t.set(9)
}

func r5() (x []int, n int) {
	s := []int{1, 2, 3}
	grow := func() int { s = append(s, 4); return len(s) }
	return s, grow()
}

func main() {
	println(r1())
	println(r2())
	println(r3())
	println(r4())
	x, n := r5()
	println(len(x), n)
	// method receivers are read after the argument calls
	t := T{1}
	h := func() int { t.x = 42; return 0 }
	println(t.get() + h())
	t.x = 1
	add := func(a, b int) int { return a + b }
	println(add(t.x, h()))
	t.x = 1
	var m func() int = t.get
	println(m(), h(), t.get())
	// append
	s := []int{1}
	k := func() int { s = []int{7, 8}; return 3 }
	s2 := append(s, k())
	println(len(s2), s2[0], s2[1])
	s = []int{1}
	println(len(append(s, k())), len(s))
}
