// run

// Storing a pointer-shaped value through reflect (Set, SetZero,
// SetMapIndex's element, Call's arguments) allocates nothing for the
// stored word itself: only reflect.New's object is new, as in gc. The
// values stored are read back to show they arrived.

package main

import (
	"fmt"
	"reflect"
	"testing"
)

type node struct {
	name string
	next *node
}

func link(a, b *node) *node {
	a.next = b
	return a
}

func main() {
	var p *node
	pv := reflect.ValueOf(&p).Elem()
	nodeT := reflect.TypeOf(node{})
	fmt.Println("Set(New)", testing.AllocsPerRun(100, func() { pv.Set(reflect.New(nodeT)) }))
	fmt.Println("set", p != nil, p.name == "")

	q := &node{name: "q"}
	qv := reflect.ValueOf(q)
	fmt.Println("Set(ptr)", testing.AllocsPerRun(100, func() { pv.Set(qv) }))
	fmt.Println("set", p.name)

	fmt.Println("SetZero", testing.AllocsPerRun(100, func() { pv.SetZero() }))
	fmt.Println("zeroed", p == nil)

	m := map[string]*node{"k": nil}
	mv := reflect.ValueOf(m)
	kv := reflect.ValueOf("k")
	fmt.Println("SetMapIndex", testing.AllocsPerRun(100, func() { mv.SetMapIndex(kv, qv) }))
	fmt.Println("elem", m["k"].name, len(m))

	var f func(*node, *node) *node
	fv := reflect.ValueOf(&f).Elem()
	fv.Set(reflect.ValueOf(link))
	r := fv.Call([]reflect.Value{reflect.ValueOf(&node{name: "a"}), qv})
	a := r[0].Interface().(*node)
	fmt.Println("call", a.name, a.next.name)
}
