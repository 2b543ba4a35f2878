// run

// Runtime errors of make, append and slicing arrays, recovered.

package main

type big struct{ a [1 << 20]int64 }

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			println(name+":", e.Error())
		} else {
			println(name+": no panic")
		}
	}()
	f()
}

var sink []int

func main() {
	n := -1
	var i8 int8 = -3
	huge := uint64(1) << 63
	big48 := 1 << 48
	try("make neg len", func() { sink = make([]int, n) })
	try("make neg len int8", func() { sink = make([]int, i8, 10) })
	try("make neg cap", func() { sink = make([]int, 0, n) })
	try("make len > cap", func() { sink = make([]int, 5, n+4) })
	try("make huge uint64", func() { sink = make([]int, huge) })
	try("make huge cap", func() { sink = make([]int, 1, huge) })
	try("make too big", func() { sink = make([]int, big48) })
	try("make too big cap", func() { sink = make([]int, 10, big48) })
	try("make big elems", func() { _ = make([]big, 1<<30) })
	try("make ok", func() { sink = make([]int, 3, 1<<10) })
	try("make zero-size huge", func() {
		z := make([]struct{}, big48)
		println(len(z), cap(z))
	})

	a := [3]int{1, 2, 3}
	p := &a
	hi, lo, max := 5, 2, 7
	try("array hi", func() { sink = a[:hi] })
	try("array lo>hi", func() { sink = a[lo:1] })
	try("array 3-index max", func() { sink = a[0:1:max] })
	try("array 3-index hi>max", func() { sink = a[0:3:lo] })
	try("ptr hi", func() { sink = p[1:hi] })
	try("ptr lo", func() { sink = p[hi:] })
	var np *[4]int
	try("nil ptr slice", func() { sink = np[:] })
	try("nil ptr len", func() { println(len(np)) })
	s := make([]int, 2, 4)
	try("slice 3-index", func() { sink = s[1:2:max] })
	var neg int = -1
	try("slice neg lo", func() { sink = s[neg:] })
	try("copy nil", func() { println(copy(sink[:0], s)) })
}
