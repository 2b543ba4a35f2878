// run

// Large results through every kind of call: static, closures, method
// values, interface methods (pointer and value receivers), deferred calls
// whose large results are discarded, recursion, and huge values.
package main

import "fmt"

type V [90]int

type Maker interface {
	Make(n int) V
}

type byVal struct{ base V }

func (b byVal) Make(n int) V {
	r := b.base
	r[n] = n
	return r
}

type byPtr struct{ k int }

func (p *byPtr) Make(n int) V {
	var r V
	r[n] = n * p.k
	return r
}

func static(n int) (V, int) {
	var r V
	r[89] = n
	return r, n + 1
}

func rec(n int) V {
	if n == 0 {
		var z V
		return z
	}
	r := rec(n - 1)
	r[n] = r[n-1] + n
	return r
}

func huge(x int) [1 << 15]int {
	var h [1 << 15]int
	h[len(h)-1] = x
	return h
}

func logged(tag string) V {
	fmt.Println("deferred", tag)
	var r V
	r[0] = 1
	return r
}

func deferAll(m Maker) {
	defer logged("static")
	f := logged
	defer f("value")
	defer func() V { fmt.Println("literal"); return V{} }()
	defer m.Make(3)
	for i := 0; i < 2; i++ {
		defer logged(fmt.Sprint("loop ", i))
	}
}

func main() {
	r, n := static(5)
	fmt.Println(r[89], n)
	f := static
	r2, _ := f(6)
	fmt.Println(r2[89], r[89])
	fmt.Println(rec(10)[10], rec(3))

	var ms []Maker = []Maker{byVal{V{1, 2, 3}}, &byPtr{k: 10}}
	for _, m := range ms {
		v := m.Make(4)
		mv := m.Make
		w := mv(5)
		fmt.Println(v[0], v[4], w[4], w[5])
	}
	bv := byVal{}
	g := bv.Make
	h := byVal.Make
	fmt.Println(g(7)[7], h(bv, 8)[8])

	big := huge(42)
	fmt.Println(big[len(big)-1], huge(7)[1<<15-1])
	deferAll(&byPtr{k: 2})
	fmt.Println(len(fmt.Sprint(rec(5))))
}
