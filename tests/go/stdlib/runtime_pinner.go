// run

// runtime.Pinner: pinned objects stay usable across a collection; Pin
// refuses nil and non-pointers with run-time errors; Unpin twice, or on
// an unused Pinner, is harmless.

package main

import (
	"fmt"
	"runtime"
	"unsafe"
)

type T struct{ a, b int }

func try(f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%v %T\n", r, r)
		_, ok := r.(runtime.Error)
		fmt.Println(ok)
	}()
	f()
}

func main() {
	var p runtime.Pinner
	t := &T{1, 2}
	p.Pin(t)
	p.Pin(unsafe.Pointer(&t.b))
	runtime.GC()
	fmt.Println(t.a, t.b)
	p.Unpin()
	p.Unpin()
	try(func() { p.Pin(nil) })
	try(func() { p.Pin(3) })
	try(func() { p.Pin(T{}) })
	var q runtime.Pinner
	q.Unpin()
	q.Pin(new(int))
	q.Unpin()
	fmt.Println("done")
}
