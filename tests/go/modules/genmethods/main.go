// run

// Generic methods (Go 1.27) of another package's types: on a generic
// receiver, with a constraint naming the receiver's type parameter (S
// ~[]E, checked with E = int), variadic, called from a generic function
// of that package, on a plain receiver with a Stringer constraint and no
// arguments to infer from, and as a method expression on an instance.
package main

import (
	"fmt"
	"strconv"

	"example.com/genmethods/lib"
)

type name string

func (n name) String() string { return "<" + string(n) + ">" }

type ints []int

func main() {
	var b lib.Bag[int]
	b.Add(1)
	b.Add(2)
	s := b.MapTo(strconv.Itoa)
	fmt.Println(s.Items, len(s.Items))
	fmt.Println(b.Join(ints{3, 4}, []int{5}).Items)
	fmt.Println(lib.Apply(b, func(i int) float64 { return float64(i) / 2 }).Items)
	lib.Printer{Prefix: ">"}.Print(name("a"), name("b"))
	lib.Printer{Prefix: "!"}.Print[name]()
	m := lib.Bag[string].MapTo[int]
	fmt.Println(m(s, func(x string) int { n, _ := strconv.Atoi(x); return n * 10 }).Items)
}
