package p

import "unsafe"

type Inner struct{ X, Y int }

type T struct {
	a int
	*Inner
	B Inner
}

var t T
var q *T

const _ = unsafe.Offsetof(t.X)
const _ = unsafe.Offsetof(q.Y)
const _ = unsafe.Offsetof(t.B.X)
