// run

// A value method called through a nil pointer held in an interface: gc's
// panicwrap error (a runtime.Error), recovered, then unrecovered.
package main

import (
	"fmt"
	"runtime"
)

type T int

func (t T) F() int { return int(t) }

type I interface{ F() int }

func try(i I) {
	defer func() {
		r := recover()
		_, isRuntime := r.(runtime.Error)
		fmt.Printf("%v | %T | %v\n", r, r, isRuntime)
	}()
	fmt.Println(i.F())
}

func main() {
	var p *T
	try(p)
	v := T(7)
	try(&v)
	call(p)
}

// A call gc cannot devirtualize (it would call (*T).F directly and fault
// with a nil dereference instead).
//
//go:noinline
func call(i I) { i.F() }
