// run

// Capacities after append match gc 1.19's growslice and size classes.

package main

type T3 struct{ a, b, c int64 }

func main() {
	var s []int
	last := -1
	for i := 0; i < 5000; i++ {
		s = append(s, i)
		if cap(s) != last {
			last = cap(s)
			print(cap(s), " ")
		}
	}
	println()
	var b []byte
	last = -1
	for i := 0; i < 70000; i++ {
		b = append(b, byte(i))
		if cap(b) != last {
			last = cap(b)
			print(cap(b), " ")
		}
	}
	println()
	var t []T3
	last = -1
	for i := 0; i < 3000; i++ {
		t = append(t, T3{int64(i), 2, 3})
		if cap(t) != last {
			last = cap(t)
			print(cap(t), " ")
		}
	}
	println()
	println(t[2999].a, t[5].b, s[4999], b[69999])
	var e []struct{}
	e = append(e, struct{}{}, struct{}{}, struct{}{})
	println(len(e), cap(e))
	x := make([]int, 3, 5)
	y := append(x, 1, 2, 3)
	println(len(y), cap(y))
	z := append([]int32{1, 2, 3}, make([]int32, 20)...)
	println(len(z), cap(z))
	w := append([]int16(nil), make([]int16, 1000)...)
	println(len(w), cap(w))
	v := append(make([]int64, 300), make([]int64, 301)...)
	println(len(v), cap(v))
	u := append(make([]int64, 300), 1)
	println(len(u), cap(u))
	r := append(make([]T3, 5), T3{})
	println(len(r), cap(r))
	q := append([]byte("hi"), " there"...)
	println(string(q), len(q))
	var bs []byte
	bs = append(bs, "hello, world"...)
	println(string(bs), len(bs), cap(bs))
	big := make([]byte, 40000)
	big = append(big, 1)
	println(len(big), cap(big))
}
