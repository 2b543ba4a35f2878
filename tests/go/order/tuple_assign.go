// run

package main

var a, b int

func f() int { a = 10; return 1 }

func g() int { panic("g") }

func pair() (int, int) {
	x := 1
	set := func() int { x = 5; return 2 }
	return x, set()
}

type T struct{ x, y int }

func main() {
	a = 1
	x, y := a, f()
	println(x, y)

	a = 1
	var p, q int
	p, q = a, f()
	println(p, q)

	a = 1
	var u, v = a + 1, f()
	println(u, v)

	println(pair())

	s := []int{0, 0, 0}
	i := 0
	h := func() int { i = 2; return 7 }
	s[i], b = h(), 3
	println(s[0], s[1], s[2], b, i)

	i = 0
	s[i] = h()
	println(s[0], s[1], s[2], i)

	m := map[int]int{}
	i = 0
	m[i] = h()
	println(len(m), m[0], m[2])

	// A panic in the second call leaves the first target unchanged.
	a, b = 1, 2
	func() {
		defer func() { println("recovered", recover() != nil, a, b) }()
		a, b = f(), g()
	}()
	println(a, b)
}

func init() {
	// `var a, b = x, y` is two declarations for gc: each value is
	// evaluated in turn.
	a = 1
	var u, v = a + 1, f()
	println(u, v)
	a = 1
	var w, z = f(), a
	println(w, z)
	a = 1
	var n, o int = a, f()
	println(n, o)
}
