// run

// Values far larger than a frame temporary (heap-backed in deft):
// locals, parameters, results, deferred calls, literals, comparison.
package main

import "fmt"

type H [1 << 16]int64

var gh H

func fill(h H, v int64) H {
	for i := range h {
		h[i] += v
	}
	return h
}

func last(tag string) H {
	var h H
	h[len(h)-1] = 1
	fmt.Println("deferred", tag)
	return h
}

func deferred() {
	defer last("open")
	for i := 0; i < 2; i++ {
		func() {
			defer last(fmt.Sprint("inner ", i))
		}()
	}
}

func loop() {
	for i := 0; i < 2; i++ {
		defer last(fmt.Sprint("loop ", i))
	}
}

func main() {
	var a H
	a[5] = 5
	b := fill(a, 2)
	fmt.Println(a[5], b[5], b[len(b)-1], a == b, fill(a, 0) == a)
	gh = b
	gh[0] = 100
	fmt.Println(gh[0], b[0], gh[5])
	c := H{1, 2, 3, 1<<16 - 1: 9}
	i := 1<<16 - 1
	fmt.Println(c[0], c[2], c[i], c[i-1])
	var e interface{} = c
	c[0] = 0
	fmt.Println(e.(H)[0], c[0])
	deferred()
	loop()
	for k := 0; k < 20; k++ {
		b = fill(b, 1)
	}
	fmt.Println(b[0], b[i])
}
