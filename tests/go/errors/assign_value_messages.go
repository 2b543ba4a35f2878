// errorcheck

// gc 1.27 words a failed assignment on one line: the operand, described by
// the structure of its defined type, as a T value, and the reason.
package main

type MyInt int
type S struct{}
type I interface{ M() }
type P struct{}

func (*P) M() {}

type W struct{}

func (W) M(int) {}

type L struct{}

func (L) m() {}

func main() {
	var a any = 1
	var m MyInt
	var s S
	var n int = a
	n = m
	n, m = s, 2
	var i I = P{}
	i = W{}
	i = L{}
	i = s
	var e error = 1
	_, _, _ = n, i, e
}
