// run

// Promotion by depth: a shallower method hides a deeper one; methods of
// embedded interfaces are promoted; a nil embedded pointer panics when the
// promoted method needs its value.
package main

type Speaker interface{ Speak() string }

type Dog struct{ name string }

func (d Dog) Speak() string { return d.name + " says woof" }
func (d Dog) Kind() string  { return "dog" }

type Loud struct {
	Speaker
	volume int
}

type Inner struct{ Dog }

func (Inner) Kind() string { return "inner" }

type Outer struct {
	Inner
	tag string
}

type Kinder interface{ Kind() string }

func describe(k Kinder) string { return k.Kind() }

func main() {
	l := Loud{Dog{"rex"}, 3}
	var s Speaker = l
	println(s.Speak())
	s = &l
	println(s.Speak())
	o := Outer{Inner{Dog{"a"}}, "t"}
	println(describe(o), describe(&o))
	in := Inner{Dog{"c"}}
	println(describe(in))
	var sp Speaker = in
	println(sp.Speak())
	f := Loud.Speak
	println(f(l))
	g := Speaker.Speak
	println(g(Dog{"g"}))

	defer func() {
		r := recover()
		println("recovered:", r != nil)
		var nilS Speaker
		defer func() { println("nil method value:", recover() != nil) }()
		h := nilS.Speak
		println("not reached", h == nil)
	}()
	type P struct{ *Dog }
	var p Speaker = P{}
	println(p.Speak())
}
