// run

// new(expr) (Go 1.26): a pointer to a fresh variable holding the value,
// of the value's default type when it is an untyped constant; each call
// makes a new variable, evaluated in gc's order.

package main

import "fmt"

type P struct{ X, Y int }

func f() int { fmt.Println("f"); return 7 }

func main() {
	a := new(42)
	b := new("s")
	c := new(P{1, 2})
	d := new(f())
	e := new(1.5)
	var x int64 = 3
	g := new(x)
	x = 9
	h := new(any(3))
	i := new('a')
	*a++
	fmt.Println(*a, *b, *c, *d, *e, *g, x, *h, *i)
	fmt.Printf("%T %T %T %T %T\n", a, e, g, h, i)
	ps := []*int{}
	for j := range 3 {
		ps = append(ps, new(j*j))
	}
	for _, p := range ps {
		fmt.Print(*p, " ")
	}
	fmt.Println(new(P{3, 4}).X, *new(true))
}
