// run

// Value semantics of large arrays and structs: copies are independent,
// range copies the array, comparison, conversions to interfaces, maps,
// slices and pointers.
package main

import "fmt"

type Grid [20][20]int

type Rec struct {
	name  string
	vals  [70]float64
	inner struct{ x, y [40]int8 }
	m     map[string]int
}

func (g Grid) Trace() int {
	t := 0
	for i := range g {
		t += g[i][i]
	}
	return t
}

func (g *Grid) Fill(v int) {
	for i := range g {
		for j := range g[i] {
			g[i][j] = v
		}
	}
}

type Tracer interface{ Trace() int }

func swap(a, b [100]int) ([100]int, [100]int) { return b, a }

func main() {
	var g Grid
	g.Fill(2)
	h := g
	h[3][3] = 100
	fmt.Println(g.Trace(), h.Trace(), g == h, g[3] == h[2])

	// range over an array copies it first
	var arr [100]int
	for i := range arr {
		arr[i] = i
	}
	sum := 0
	for i, v := range arr {
		if i < 99 {
			arr[i+1] = 0
		}
		sum += v
	}
	fmt.Println(sum, arr[50])
	// range over a pointer to an array does not copy
	for i := range arr {
		arr[i] = i
	}
	sum = 0
	for i, v := range &arr {
		if i < 99 {
			arr[i+1] = 0
		}
		sum += v
	}
	fmt.Println(sum)

	var t Tracer = g
	g[0][0] = 1000
	fmt.Println(t.Trace(), g.Trace())
	var pt Tracer = &g
	g[1][1] = 1000
	fmt.Println(pt.Trace())

	var e interface{} = arr
	arr[5] = 555
	back := e.([100]int)
	fmt.Println(back[5], arr[5], e == interface{}(back))

	r := Rec{name: "r"}
	r.vals[69] = 1.5
	r.inner.y[39] = -3
	r2 := r
	r2.inner.y[39] = 4
	r2.name = "r2"
	fmt.Println(r.name, r.vals[69], r.inner.y[39], r2.name, r2.inner.y[39])
	fmt.Println(r.inner == r2.inner, r.vals == r2.vals)

	m := map[int]Grid{}
	m[1] = g
	gg := m[1]
	gg[0][0] = -1
	fmt.Println(m[1][0][0], gg[0][0], len(m))
	v, ok := m[2]
	fmt.Println(v[0][0], ok)

	keys := map[[100]int]string{}
	keys[arr] = "arr"
	var zero [100]int
	keys[zero] = "zero"
	fmt.Println(len(keys), keys[arr], keys[[100]int{}])

	s := []Grid{g, h}
	s[0][0][0] = 7
	fmt.Println(s[0][0][0], g[0][0], s[1][3][3])
	s = append(s, g)
	fmt.Println(len(s), s[2][1][1])

	p := &arr
	q := *p
	q[0] = -5
	fmt.Println(p[0], q[0])
	np := new(Grid)
	np[19][19] = 1
	fmt.Println(np.Trace())

	a, b := swap(arr, q)
	fmt.Println(a[0], b[0])
	a, b = b, a
	fmt.Println(a[0], b[0])

	idx := 7
	fmt.Println(g[idx%20][idx%20], h[idx][3], arr[idx*2])
	fmt.Printf("%v\n", r.inner.x[:5])
	fmt.Println(len(fmt.Sprint(g)))
}
