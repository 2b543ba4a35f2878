// run

// Receivers, deferred arguments, package initialisers, map reads, type
// assertions, string conversions and builtins among calls with side effects.
package main

type T struct{ x int }

func (t T) add(v int) int   { return t.x + v }
func (t *T) padd(v int) int { return t.x + v }

type I interface{ get() int }

type A struct{ n int }

func (a A) get() int { return a.n }

var ga = 1

func gf() int { ga = 100; return 1 }

var gs = []int{1, 2}

func gg() int { gs = []int{7, 8, 9}; return 1 }

var gx = ga + gf()
var gl = gs[0]*10 + gg()

func main() {
	println(gx, gl)

	t := T{1}
	set := func() int { t.x = 10; return 5 }
	println(t.add(set()))
	t.x = 1
	println(t.padd(set()))
	t.x = 1
	p := &t
	println(p.add(set()), p.padd(set()))

	var i I = A{1}
	swap := func() int { i = A{7}; return 0 }
	println(i.get() + swap())
	i = A{1}
	println(i.get(), swap())

	a := 1
	bump := func() int { a++; return a }
	func() {
		defer println("deferred", a, bump())
		a = 50
	}()

	m := map[string]int{"k": 1}
	mf := func() int { m["k"] = 2; return 0 }
	println(m["k"], mf())
	m["k"] = 1
	println(m["k"]+mf(), m["k"])

	var e interface{} = "before"
	ef := func() int { e = "after"; return 0 }
	println(e.(string), ef())

	s := "abc"
	sf := func() int { s = "xyz"; return 0 }
	b := []byte(s)
	_ = b
	println(string([]byte(s)), sf())
	s = "abc"
	println(len([]rune(s)), sf(), string(s[0]))
	s = "abc"
	println(s+"!", sf())

	src := []int{1, 2, 3}
	dst := make([]int, 3)
	cf := func() int { src[0] = 9; return 0 }
	println(copy(dst, src), cf(), dst[0], src[0])

	n := 2
	nf := func() int { n = 5; return 0 }
	sl := make([]int, n, n+nf())
	println(len(sl), cap(sl))

	x := 1
	xf := func() int { x = 3; return 1 }
	println((x), (xf()))
	println(x*2 == xf()+1, x)
	println(func() int { return x }() + xf())
}

func pair(a, b int) []int { return []int{a, b} }

func init() {
	a := 1
	f := func() int { a = 2; return 0 }
	for _, v := range pair(a, f()) {
		println("range", v)
	}
	a = 1
	var e interface{} = a
	g := func() int { e = "s"; return 0 }
	switch v := pick(e, g()).(type) {
	case int:
		println("int", v)
	default:
		_ = v
		println("other")
	}
}

func pick(e interface{}, _ int) interface{} { return e }
