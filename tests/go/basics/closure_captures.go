// run

// Closures copy the captured variables that are never assigned after their
// declaration (as gc) and share the others: field, element, select and
// pointer-method assignments count, in any closure.

package main

import (
	"fmt"
	"sort"
)

type T struct {
	n int
	a [2]int
}

func (t *T) inc() { t.n++ }

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		v := i * 10
		fs = append(fs, func() int { return v + i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	s := []string{"c", "a", "b"}
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	fmt.Println(s)
	t := T{}
	func() { t.n = 5 }()
	u := T{}
	func() { u.inc() }()
	w := T{}
	func() { w.a[1] = 7 }()
	fmt.Println(t.n, u.n, w.a)
	c := make(chan int, 1)
	c <- 4
	var r int
	func() {
		select {
		case r = <-c:
		}
	}()
	fmt.Println(r)
	x := 1
	g := func() int { return x }
	x = 2
	fmt.Println(g())
	big := [20]int{1, 2, 3}
	h := func() int { return big[2] }
	fmt.Println(h())
	str := "hello"
	k := func() string { return str + "!" }
	fmt.Println(k())
	type pair struct{ a, b string }
	p := pair{"x", "y"}
	defer func() { fmt.Println(p.a + p.b) }()
	go func() {}()
}
