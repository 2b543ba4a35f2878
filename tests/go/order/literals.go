// run

package main

type T struct{ x, y int }

func main() {
	a := 1
	f := func() int { a = 10; return 2 }
	t := T{a, f()}
	println(t.x, t.y)
	a = 1
	arr := [3]int{a, f(), a}
	println(arr[0], arr[1], arr[2])
	a = 1
	sl := []int{a, f()}
	println(sl[0], sl[1])
	a = 1
	pt := &T{y: f(), x: a}
	println(pt.x, pt.y)
	a = 1
	m := map[int]int{a: f()}
	for k, v := range m {
		println(k, v)
	}
	// constant entries are stored first
	x := 1
	m2 := map[int]string{x: "dyn", 1: "const"}
	println(len(m2), m2[1])
	// nested literal in a call argument
	a = 1
	show := func(t T, n int) { println(t.x, t.y, n) }
	show(T{a, a}, f())
	a = 1
	show(T{a, f()}, a)
}
