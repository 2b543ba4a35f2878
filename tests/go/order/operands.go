// run

package main

type T struct{ x, y int }

var n int

func main() {
	a := 1
	f := func() int { a = 10; return 1 }
	// comparisons
	println(a == f())
	a = 1
	println(a < f(), a)
	a = 1
	if a == f() {
		println("eq")
	} else {
		println("ne")
	}
	// index expressions
	s := []int{1, 2, 3}
	i := 0
	g := func() int { i = 2; s[2] = 30; return 100 }
	println(s[i] + g())
	i = 0
	println(s[i], g())
	// struct field through a pointer
	p := &T{1, 2}
	h := func() int { p.x = 50; return 1 }
	println(p.x + h())
	p.x = 1
	println(p.x, h())
	// deref
	q := &n
	k := func() int { n = 7; return 1 }
	n = 1
	println(*q + k())
	// conversions
	a = 1
	println(float64(a) + float64(f()))
	a = 1
	println(int8(a), f())
	// string concatenation
	str := "a"
	sf := func() string { str = "z"; return "b" }
	println(str + sf())
	// slices: gc evaluates a slice expression before later calls
	s = []int{1, 2, 3}
	sg := func() int { s = []int{9}; return 0 }
	t := s[1:]
	_ = t
	println(len(s[1:]), sg())
	// len is evaluated like a call
	s = []int{1, 2, 3}
	println(len(s), sg())
	s = []int{1, 2, 3}
	println(len(s)+0, sg(), len(s))
	// nested calls: the inner call's plain arguments are read when it runs
	a = 1
	add := func(x, y int) int { return x + y }
	println(add(a, add(a, f())), a)
	// switch tag and cases
	a = 1
	switch a {
	case f():
		println("case 1")
	default:
		println("default", a)
	}
	a = 1
	switch {
	case a == f():
		println("case eq")
	default:
		println("case default")
	}
	// && and ||
	a = 1
	println(a == 1 && f() == 1, a)
	a = 1
	b := a == 10 || f() == 1
	println(b, a)
	a = 1
	println(a, a == 1 && f() == 1)
}
