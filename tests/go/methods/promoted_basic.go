// run

// Promoted methods through interfaces, method expressions and method
// values (struct and pointer embedding), interface method values and
// expressions.
package main

type Namer interface{ Name() string }

type Base struct{ n string }

func (b Base) Name() string   { return "base:" + b.n }
func (b *Base) Set(s string)  { b.n = s }

type Wrap struct {
	Base
	x int
}

type PWrap struct {
	*Base
}

type Setter interface{ Set(string) }

func main() {
	w := Wrap{Base{"a"}, 1}
	var n Namer = w
	println(n.Name())
	var s Setter = &w
	s.Set("b")
	println(w.Name())
	p := PWrap{&Base{"c"}}
	n = p
	println(n.Name())
	s = p
	s.Set("d")
	println(p.Name())
	f := Wrap.Name
	println(f(w))
	g := (*Wrap).Set
	g(&w, "e")
	println(w.n)
	h := n.Name
	println(h())
	k := Namer.Name
	println(k(w))
}
