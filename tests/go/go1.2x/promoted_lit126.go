// errorcheck
// deft-flags: -gcflags=-lang=go1.26

// Promoted fields in struct literals need go1.27.

package main

import "fmt"

type Inner struct{ A, B int }
type Mid struct {
	Inner
	C string
}
type Outer struct {
	Mid
	D  float64
	*Inner2
}
type Inner2 struct{ Z int }

func v(s string, n int) int { fmt.Println("eval", s); return n }

func main() {
	o := Outer{B: v("B", 2), D: 1.5, A: v("A", 1), C: "c"}
	fmt.Printf("%+v\n", o)
	p := &Mid{A: 7}
	fmt.Println(p.A, p.B, p.C)
	m := []Mid{{B: 3}, {C: "x", Inner: Inner{1, 2}}}
	fmt.Println(m)
}
