// run

// Capacities after append for slices that live on the heap (globals, so
// gc's escape analysis never gives them a stack array): growslice's
// formula and size classes, with gc 1.22's 8-byte allocation header
// taken from arrays of more than 512 bytes that hold pointers.

package main

type P struct {
	p *int
	n int
}

type B struct{ a, b, c int64 }

var (
	ints  []int
	ptrs  []*int
	strs  []string
	ps    []P
	bs    []B
	bytes []byte
	ifs   []interface{}
)

func main() {
	last := -1
	show := func(c int) {
		if c != last {
			last = c
			print(c, " ")
		}
	}
	for i := 0; i < 3000; i++ {
		ints = append(ints, i)
		show(cap(ints))
	}
	println()
	last = -1
	for i := 0; i < 3000; i++ {
		ptrs = append(ptrs, nil)
		show(cap(ptrs))
	}
	println()
	last = -1
	for i := 0; i < 3000; i++ {
		strs = append(strs, "")
		show(cap(strs))
	}
	println()
	last = -1
	for i := 0; i < 2000; i++ {
		ps = append(ps, P{nil, i})
		show(cap(ps))
	}
	println()
	last = -1
	for i := 0; i < 2000; i++ {
		bs = append(bs, B{})
		show(cap(bs))
	}
	println()
	last = -1
	for i := 0; i < 40000; i++ {
		bytes = append(bytes, 'x')
		show(cap(bytes))
	}
	println()
	last = -1
	for i := 0; i < 2000; i++ {
		ifs = append(ifs, i)
		show(cap(ifs))
	}
	println()
	ptrs = make([]*int, 100)
	ptrs = append(ptrs, nil)
	strs = append(make([]string, 40), make([]string, 3)...)
	ifs = append(ifs[:0:0], make([]interface{}, 65)...)
	println(cap(ptrs), cap(strs), cap(ifs))
	ptrs = append(make([]*int, 4090), nil)
	ints = append(make([]int, 4090), 1)
	println(cap(ptrs), cap(ints))
}
