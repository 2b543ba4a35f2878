// run

// weak and unique: weak pointers made from one pointer are equal, hold
// their object without keeping it (those of unreachable objects read nil
// after a collection), and unique's handles are equal exactly when their
// values (of one type) are; net/netip keeps zones as unique handles.

package main

import (
	"fmt"
	"net/netip"
	"runtime"
	"unique"
	"weak"
)

type node struct {
	next *node
	val  [8]int
}

type pair struct {
	a string
	b int
}

type empty struct{}

type myInt int

//go:noinline
func unreachable(n int) []weak.Pointer[node] {
	var ws []weak.Pointer[node]
	for i := 0; i < n; i++ {
		ws = append(ws, weak.Make(&node{val: [8]int{i}}))
	}
	return ws
}

func main() {
	keep := &node{val: [8]int{7}}
	wk := weak.Make(keep)
	fmt.Println(wk == weak.Make(keep), wk == weak.Make(&node{}))
	ws := unreachable(100)
	runtime.GC()
	dead := 0
	for _, w := range ws {
		if w.Value() == nil {
			dead++
		}
	}
	fmt.Println("most unreachable ones read nil:", dead >= 90)
	fmt.Println("the reachable one:", wk.Value() == keep, wk.Value().val[0])
	runtime.KeepAlive(keep)
	var zero weak.Pointer[int]
	fmt.Println(zero.Value() == nil, weak.Make[int](nil).Value() == nil, weak.Make[int](nil) == zero)

	s := "hel"
	h1, h2 := unique.Make("hello"), unique.Make(s+"lo")
	fmt.Println(h1 == h2, h1 == unique.Make("world"), h1.Value())
	p1, p2, p3 := unique.Make(pair{"x", 1}), unique.Make(pair{"x", 1}), unique.Make(pair{"x", 2})
	fmt.Println(p1 == p2, p1 == p3, p3.Value())
	i1, i2 := unique.Make[any](1), unique.Make[any](1)
	fmt.Println(i1 == i2, i1 == unique.Make[any](myInt(1)), i1.Value(), unique.Make(myInt(1)).Value())
	fmt.Println(unique.Make(empty{}) == unique.Make(empty{}), unique.Make([0]int{}).Value())
	runtime.GC()
	fmt.Println(h1 == unique.Make("hello"))

	a := netip.MustParseAddr("fe80::1%eth0")
	b := netip.MustParseAddr("fe80::1%eth" + "0")
	fmt.Println(a, a.Zone(), a == b, a == a.WithZone("eth1"), a.WithZone("").Zone() == "")
}
