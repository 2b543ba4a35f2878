// run

// Which recover calls stop a panic (gc 1.26+'s rule: exactly one
// non-wrapper frame between the panic and recover's caller).

package main

import "fmt"

type T struct{ name string }

func (t T) Rec()   { report(t.name, recover()) }
func (t *T) PRec() { report(t.name, recover()) }

type I interface{ Rec() }

func report(what string, r any) { fmt.Println(what, r) }

func helper() any { return recover() }

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "not stopped, outer got", r)
		}
	}()
	f()
}

func main() {
	try("direct closure", func() {
		defer func() { report("direct closure", recover()) }()
		panic(1)
	})
	try("defer recover()", func() {
		defer recover()
		panic(2)
	})
	try("nested call", func() {
		defer func() { report("nested call", helper()) }()
		panic(3)
	})
	try("nested closure", func() {
		defer func() { func() { report("nested closure", recover()) }() }()
		panic(4)
	})
	try("method value", func() {
		t := T{"method value"}
		defer t.Rec()
		panic(5)
	})
	try("pointer method value", func() {
		t := &T{"pointer method value"}
		f := t.PRec
		defer f()
		panic(6)
	})
	try("interface method", func() {
		var i I = T{"interface method"}
		defer i.Rec()
		panic(7)
	})
	try("method expression", func() {
		defer T.Rec(T{"method expression"})
		panic(8)
	})
	try("func value", func() {
		f := func() { report("func value", recover()) }
		defer f()
		panic(9)
	})
	try("recover then panic again", func() {
		defer func() { report("second", recover()) }()
		defer func() {
			report("first", recover())
			panic(10)
		}()
		panic(11)
	})
	try("panic in deferred call, recovered there", func() {
		defer func() {
			defer func() { report("inner", recover()) }()
			panic(12)
		}()
		panic(13)
	})
	fmt.Println("done")
}
