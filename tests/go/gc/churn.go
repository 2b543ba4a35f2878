// run

// Many short-lived objects of every kind (trees, strings, slices, maps,
// closures, interfaces) while some stay live: the program completes and
// the live data is intact.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

type tree struct {
	l, r *tree
	v    int
}

func build(d, v int) *tree {
	if d == 0 {
		return &tree{v: v}
	}
	return &tree{build(d-1, 2*v), build(d-1, 2*v+1), v}
}

func (t *tree) sum() int {
	if t == nil {
		return 0
	}
	return t.v + t.l.sum() + t.r.sum()
}

type shape interface{ area() int }
type rect struct{ w, h int }

func (r rect) area() int { return r.w * r.h }

var long = build(8, 1)

func main() {
	keep := map[string][]int{}
	var shapes []shape
	var fns []func() int
	sum := 0
	for i := 0; i < 3000; i++ {
		t := build(3, i)
		sum += t.sum()
		s := strings.Repeat("ab", i%10) + fmt.Sprint(i)
		sum += len(s)
		b := []byte(s)
		sum += int(b[len(b)-1])
		m := map[int]string{i: s, i + 1: s + "!"}
		sum += len(m[i+1])
		k := i
		f := func() int { return k * 3 }
		sum += f()
		var sh shape = rect{i % 7, 3}
		sum += sh.area()
		if i%100 == 0 {
			keep[s] = []int{i, i * i}
			shapes = append(shapes, sh)
			fns = append(fns, f)
		}
		if i%1000 == 0 {
			runtime.GC()
		}
	}
	runtime.GC()
	for k, v := range keep {
		if !strings.HasSuffix(k, fmt.Sprint(v[0])) || v[1] != v[0]*v[0] {
			fmt.Println("corrupted:", k, v)
		}
	}
	a := 0
	for _, s := range shapes {
		a += s.area()
	}
	c := 0
	for _, f := range fns {
		c += f()
	}
	fmt.Println(sum, len(keep), a, c, long.sum())
}
