// run

// Generic interfaces that refer to each other through method signatures
// while they are declared: one embeds an instance of another still being
// declared (Go's types2 issue 47887), and a constraint embeds an instance
// of the interface it constrains (issue 46461). deft rejected both.
package main

import "fmt"

type Fooer[t any] interface {
	foo(Barer[t])
}

type Barer[t any] interface {
	bar(Bazer[t])
}

type Bazer[t any] interface {
	Fooer[t]
	baz(t)
}

type Int int

func (n Int) baz(x int)        { fmt.Println("baz", x, int(n)) }
func (n Int) foo(b Barer[int]) { b.bar(n) }

type B struct{ k int }

func (b B) bar(z Bazer[int]) { z.baz(b.k) }

type A2[U interface{ A2[U] }] interface{ M() A2[U] }

type I interface {
	A2[I]
	M() A2[I]
}

type X struct{ n int }

func (x X) M() A2[I] {
	fmt.Println("M", x.n)
	return X{x.n + 1}
}

func Step[U A2[U]](u U, times int) A2[U] {
	var r A2[U] = u
	for range times {
		r = r.M()
	}
	return r
}

func main() {
	var f Fooer[int] = Int(3)
	f.foo(B{7})
	var z Bazer[int] = Int(4)
	z.foo(B{8})
	fmt.Printf("%T\n", z)

	r := Step[I](X{1}, 3)
	fmt.Printf("%T %v\n", r, r)
}
