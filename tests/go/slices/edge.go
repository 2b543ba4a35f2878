// run

// Slicing nested arrays, append/copy with interfaces, named slice and string
// types, range over array pointers, append of a multi-value call.

package main

type I interface{ M() int }
type T int

func (t T) M() int { return int(t) }

type Named []T

func pair() ([]int, int) { return []int{1}, 2 }

func main() {
	var arrs [3][4]int
	s := arrs[1][1:]
	s[0] = 7
	println(arrs[1][1], len(s), cap(s))
	p := &arrs
	q := (*p)[2][:2]
	q[1] = 9
	println(arrs[2][1])
	ss := make([][4]int, 2)
	t := ss[1][1:3]
	t[0] = 5
	println(ss[1][1])
	var is []I
	is = append(is, T(3), nil)
	println(len(is), is[0].M(), is[1] == nil)
	var ps []*int
	ps = append(ps, nil, new(int))
	println(len(ps), ps[0] == nil, *ps[1])
	var n Named
	n = append(n, 1, 2)
	n = append(n, n...)
	println(len(n), cap(n), n[3])
	type B []byte
	var b B = make(B, 3)
	type S string
	println(copy(b, S("xyz")))
	println(string(b))
	b = append(b, S("!")...)
	println(string(b))
	for i, v := range &arrs[1] {
		print(i, ":", v, " ")
	}
	println()
	var np *[3]int
	for i := range np {
		print(i)
	}
	println()
	z := append(pair())
	println(len(z))
	m := make([]int, 5)[2:]
	println(len(m), cap(m))
	println(len(make([]int, 3)), cap(make([]byte, 2, 9)))
	x := []int{1, 2, 3, 4, 5}
	x = append(x[:1], x[2:]...)
	println(len(x), x[1], x[3])
	var e []int
	e = append(e, e...)
	println(e == nil)
	e = append(e[:0:0], 1)
	println(cap(e))
}
