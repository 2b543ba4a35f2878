// run

// Copies between places that share storage: self-assignment, elements of
// the same array, through pointers, and index operands with side effects.
package main

import "fmt"

type E [70]int

type Box struct {
	items [3]E
	last  E
}

var g Box

func main() {
	var b Box
	for i := range b.items {
		b.items[i][0] = i + 1
	}
	b.items[0] = b.items[0]
	b.items[0] = b.items[2]
	b.last = b.items[1]
	fmt.Println(b.items[0][0], b.items[1][0], b.items[2][0], b.last[0])

	p := &b.items[1]
	b.items[2] = *p
	*p = b.last
	p[0] = 9
	fmt.Println(b.items[1][0], b.items[2][0], b.last[0])

	i := 0
	next := func() int { b.last[0] = 100; i++; return i }
	b.items[next()] = b.last
	fmt.Println(b.items[1][0], b.last[0], i)

	g = b
	g.items[0][0] = -1
	b = g
	fmt.Println(b.items[0][0], g.items[0][0])
	c := b
	b = c
	c.last[1] = 5
	fmt.Println(b.last[1], c.last[1], b == g, c == b)
}
