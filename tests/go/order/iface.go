// run

// A value converted to an interface is copied before later calls when it
// is a local variable or a computed value of a type the conversion takes
// by address (bool, int8, structs, pointers, ...); int, string and slice
// values, fields and elements are read after the calls.
package main

import "fmt"

type T struct{ a, b int }

var gb = true

func r(b bool, f func() int) (interface{}, int) {
	return b, f()
}

func r2(f func() int) (x interface{}, y int) {
	b := true
	g := func() int { b = false; return f() }
	return b, g()
}

func main() {
	b := true
	f := func() int { b = false; gb = false; return 1 }
	fmt.Println(b, f())
	gb = true
	fmt.Println(gb, f())
	var i8 int8 = 1
	g := func() int { i8 = 2; return 1 }
	fmt.Println(i8, g())
	n := 1
	h := func() int { n = 2; return 1 }
	fmt.Println(n, h())
	t := T{1, 2}
	k := func() int { t.a = 5; return 1 }
	fmt.Println(t, k())
	t.a = 1
	fmt.Println(t.a, k())
	t.a = 1
	fmt.Println(t.a == 1, k())
	t.a = 1
	fmt.Println(t.a+1, k())
	s := "x"
	l := func() int { s = "y"; return 1 }
	fmt.Println(s, l())
	var e interface{} = 1
	m := func() int { e = 2; return 1 }
	fmt.Println(e, m())
	p := &t
	q := func() int { p = nil; return 1 }
	fmt.Println(p != nil, q())
	fmt.Println(r2(f))
	b = true
	var x, y interface{}
	x, y = b, f()
	fmt.Println(x, y)
	b = true
	arr := []interface{}{b, f()}
	fmt.Println(arr...)
	b = true
	fmt.Println(interface{}(b), f())
	b = true
	fmt.Println(b == true, f())
	b = true
	func() {
		defer func() { fmt.Println("recovered", recover()) }()
		b2 := b
		panic(fmt.Sprint(b2, f()))
	}()
}
