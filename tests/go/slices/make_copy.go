// run

// make with integer operands of several types, copy with overlap, copy
// from a string, aliasing through append within capacity.

package main

func show(name string, s []int) {
	print(name, " len=", len(s), " cap=", cap(s), " [")
	for i, v := range s {
		if i > 0 {
			print(" ")
		}
		print(v)
	}
	println("]")
}

func main() {
	var n8 int8 = 3
	var u16 uint16 = 5
	var u64 uint64 = 4
	a := make([]int, n8)
	b := make([]int, n8, u16)
	c := make([]int, u64, 1e1)
	d := make([]int, 0)
	show("a", a)
	show("b", b)
	show("c", c)
	show("d", d)
	println(d == nil, a != nil)

	// Aliasing: append within capacity writes into the shared array.
	x := make([]int, 2, 4)
	y := append(x, 7)
	z := append(x, 8)
	show("y", y)
	show("z", z)
	x = append(x, 1, 2, 3)
	y[0] = 100
	show("x", x)
	show("y", y)

	// copy: returns the smaller length, handles overlap both ways.
	s := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	println(copy(s[2:], s))
	show("s", s)
	s = []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	println(copy(s, s[3:]))
	show("s", s)
	println(copy(s, []int{}), copy([]int(nil), s))
	bs := make([]byte, 5)
	println(copy(bs, "hello, world"))
	println(string(bs))
	copy(bs[3:], "XYZ")
	println(string(bs))

	// append(s, s...) and appending a slice of itself.
	t := []int{1, 2, 3}
	t = append(t, t...)
	show("t", t)
	t = append(t[:2], t[3:]...)
	show("t", t)
	u := append([]int(nil))
	println(u == nil)
	v := append(t)
	show("v", v)

	// Structs and arrays as elements.
	type P struct {
		x, y int
		name string
	}
	ps := make([]P, 1, 2)
	ps = append(ps, P{1, 2, "a"}, P{3, 4, "b"})
	println(len(ps), cap(ps), ps[1].name, ps[2].x, ps[0].name == "")
	as := append([][3]int16{}, [3]int16{1, 2, 3})
	as = append(as, as[0])
	as[1][2] = 9
	println(len(as), cap(as), as[0][2], as[1][2])

	// Strings, bools and floats.
	ss := append([]string{"a"}, "b", "c")
	println(len(ss), cap(ss), ss[0]+ss[1]+ss[2])
	fs := append(make([]float64, 0, 1), 1.5, 2.5)
	println(fs[0]+fs[1], cap(fs))
	defer func() {
		println("deferred copy done", string(bs))
	}()
	defer copy(bs, "defer")
	bs[0] = 'Q'
}
