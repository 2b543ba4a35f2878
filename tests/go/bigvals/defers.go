// run

// Large values through defers (open-coded and records), recover, and
// named large results read after a recover.
package main

import "fmt"

type Big struct {
	a [80]int
	s string
}

func show(tag string, b Big) {
	fmt.Println(tag, b.a[0], b.a[79], b.s)
}

func openCoded() {
	var b Big
	b.a[0] = 1
	b.s = "before"
	defer show("open", b)
	b.a[0] = 2
	b.s = "after"
	defer func() { show("closure", b) }()
}

func inLoop() {
	for i := 0; i < 3; i++ {
		var b Big
		b.a[79] = i
		b.s = fmt.Sprint("iter", i)
		defer show("loop", b)
	}
}

func named() (r Big) {
	defer func() {
		if e := recover(); e != nil {
			r.s = fmt.Sprint("recovered: ", e)
			r.a[1] = 99
		}
	}()
	r.a[0] = 5
	var arr [100]int
	i := 100
	arr[i%101] = 1
	return
}

func named2() (r [200]string, n int) {
	defer func() {
		recover()
		r[199] = "last"
		n = 3
	}()
	r[0] = "first"
	panic("boom")
}

func panicBig() {
	defer func() {
		e := recover()
		b := e.(Big)
		fmt.Println("recovered big", b.a[3], b.s)
	}()
	var b Big
	b.a[3] = 33
	b.s = "panic value"
	panic(b)
}

type T struct{ v [100]int }

func (t T) get(i int) int { return t.v[i] }

func methodDefer() {
	var t T
	t.v[7] = 7
	defer fmt.Println("method value", t.get(7))
	f := t.get
	t.v[7] = 8
	defer func() { fmt.Println("bound", f(7), t.get(7)) }()
}

func main() {
	openCoded()
	inLoop()
	r := named()
	fmt.Println(r.a[0], r.a[1], r.s)
	s, n := named2()
	fmt.Println(s[0], s[199], n, len(s))
	panicBig()
	methodDefer()
}
