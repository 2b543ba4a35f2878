// run

package main

import "fmt"

type Big struct {
	a [100]int
	s string
	m map[int]int
}

var global [200]int
var gbig Big

func sum(a [1000]int) int {
	t := 0
	for _, v := range a {
		t += v
	}
	return t
}

func mk(n int) [1000]int {
	var a [1000]int
	for i := range a {
		a[i] = i * n
	}
	return a
}

func mutate(a [1000]int) [1000]int {
	a[0] = -1
	return a
}

func (b Big) Sum() int {
	t := 0
	for i := 0; i < len(b.a); i++ {
		t += b.a[i]
	}
	return t + len(b.s) + len(b.m)
}

func (b *Big) Set(i, v int) { b.a[i] = v }

type Summer interface{ Sum() int }

func pair() ([100]int, string) {
	var a [100]int
	a[99] = 7
	return a, "ok"
}

func main() {
	a := mk(2)
	fmt.Println(sum(a), a[999], a[10])
	b := a
	b[10] = 5
	fmt.Println(a[10], b[10])
	c := mutate(a)
	fmt.Println(a[0], c[0], c[1])
	i := 500
	fmt.Println(a[i], c[i+1])
	a[i] = 42
	fmt.Println(a[i], a == b, a == a)
	b = a
	fmt.Println(a == b, a != b)

	var x Big
	x.s = "hello"
	x.m = map[int]int{1: 2}
	x.a[3] = 10
	y := x
	y.a[3] = 11
	x.Set(4, 100)
	fmt.Println(x.Sum(), y.Sum(), x.a[3], y.a[3], x.a[4])
	var s Summer = x
	x.a[3] = 1000
	fmt.Println(s.Sum(), x.Sum())
	global[150] = 3
	gbig = x
	fmt.Println(global[150], gbig.a[3], gbig.s)

	arr, str := pair()
	fmt.Println(arr[99], str)

	lit := [70]string{"a", "b", 69: "z"}
	fmt.Println(lit[0], lit[1], lit[69], len(lit))
	st := Big{s: "lit", a: [100]int{1, 2, 3}}
	fmt.Println(st.s, st.a[2], st.m == nil)

	f := func() int { return x.a[4] + y.a[3] }
	fmt.Println(f())
	fmt.Println(lit)
}
