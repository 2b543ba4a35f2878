// run

// runtime.SetFinalizer: finalizers run after a collection finds their
// object unreachable (one reachable from another's only after it), with
// the object as a pointer or an interface; a nil finalizer removes one.

package main

import (
	"fmt"
	"runtime"
	"time"
)

type res struct {
	id   int
	next *res
}

var closed = map[int]bool{}

func open(id int) *res {
	r := &res{id: id}
	runtime.SetFinalizer(r, func(r *res) { closed[r.id] = true })
	return r
}

type logger interface{ log() string }

func (r *res) log() string { return fmt.Sprint("res ", r.id) }

var msgs []string

// pair makes an object with a finalizer that points to another one: the
// other is finalized only once the first is gone (one more cycle).
func pair(id int) {
	a := open(id)
	a.next = open(id + 1)
}

func withLogger(id int) {
	o := &res{id: id}
	runtime.SetFinalizer(o, func(l logger) { msgs = append(msgs, l.log()) })
}

func withRemovedFinalizer(id int) {
	u := &res{id: id}
	runtime.SetFinalizer(u, func(*res) { panic("removed finalizer ran") })
	runtime.SetFinalizer(u, nil)
}

func main() {
	for i := 0; i < 10; i++ {
		open(i)
	}
	kept := open(100)
	pair(200)
	withLogger(300)
	withRemovedFinalizer(400)
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	n := 0
	for i := 0; i < 10; i++ {
		if closed[i] {
			n++
		}
	}
	fmt.Println("finalized of 10:", n, "kept:", closed[100], "a:", closed[200], msgs)
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("a.next after a:", closed[201])
	runtime.KeepAlive(kept)
}
