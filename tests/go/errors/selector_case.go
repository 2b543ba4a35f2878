// errorcheck

// A field or method spelled with the wrong case, and struct literal keys.
package main

import "strings"

type T struct {
	Foo int
	bar int
}

func (T) Meth() {}

type U struct{ T }

func main() {
	var t T
	var u U
	var sb strings.Builder
	_ = t.foo
	_ = t.Bar
	_ = t.meth
	_ = u.METH
	_ = sb.Buf
	_ = T{foo: 1}
	_ = T{zz: 2}
	_ = T{1}
	_ = strings.Builder{nil}
	_ = strings.builder{}
}
