// run

package main

var gs = []int{1, 2, 3}

func change() int { gs = []int{10, 20, 30}; return 1 }

var gi int

func main() {
	gs[gi] += change()
	println(gs[0], gs[1], gs[2])

	s := []int{1, 2, 3}
	i := 0
	f := func() int { i = 1; return 5 }
	s[i] += f()
	println(s[0], s[1], s[2])

	a := 1
	g := func() int { a = 3; return 1 }
	a += g()
	println(a)

	m := map[string]int{"x": 1}
	k := "x"
	h := func() int { k = "y"; return 10 }
	m[k] += h()
	println(m["x"], m["y"])

	var x, y int
	x, y = y+1, x+g()
	println(x, y)

	// index panics after the calls on the right have run
	a = 1
	func() {
		defer func() { println("recovered", recover() != nil, a) }()
		var arr []int
		println(arr[5], g())
	}()
}
