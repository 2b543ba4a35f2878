// run

// Slicing arrays (locals, globals, fields, through pointers), 3-index
// slices, len and cap of array pointers.

package main

var g [5]int

type S struct {
	n   int
	arr [4]byte
}

func sum(s []int) int {
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

func mk() *[6]int {
	println("mk called")
	return &[6]int{1, 2, 3, 4, 5, 6}
}

func main() {
	a := [5]int{1, 2, 3, 4, 5}
	s := a[1:3]
	println(len(s), cap(s), s[0], s[1])
	s[0] = 20
	println(a[1])
	s = append(s, 30)
	println(a[3])
	t := a[:]
	println(len(t), cap(t), sum(t))
	u := a[1:2:3]
	println(len(u), cap(u))
	u = append(u, 7, 8)
	u[0] = 99
	println(a[1], a[2], a[3])

	p := &a
	println(len(p), cap(p), len(p[2:]), cap(p[:1:2]))
	v := p[2:]
	v[0] = -1
	println(a[2])
	var np *[3]int
	println(len(np), cap(np))
	println(len(mk()), cap(mk()[1:]))

	g[4] = 4
	w := g[3:]
	w[0] = 3
	println(g[3], sum(g[:]))

	var st S
	bs := st.arr[1:]
	bs[0] = 'x'
	println(st.arr[1], len(bs), cap(bs))
	ps := &st
	bs2 := ps.arr[:2:3]
	println(len(bs2), cap(bs2))

	var z [0]int
	zs := z[:]
	println(len(zs), cap(zs))

	// An array sliced inside a loop gets a fresh array each iteration.
	var keep [][]int
	for i := 0; i < 3; i++ {
		var arr [2]int
		arr[0] = i
		keep = append(keep, arr[:])
	}
	for _, k := range keep {
		print(k[0], " ")
	}
	println()

	// A captured array.
	var c [3]int
	f := func() { c[1] = 5 }
	f()
	cs := c[:]
	println(cs[1])
}
