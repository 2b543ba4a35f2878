// run

// Interfaces that embed an interface whose declaration is still being
// checked, reached through a method signature: valid Go, whose method
// sets are those of the embedded interfaces.

package main

import "fmt"

type t interface {
	f(u) string
}

type u interface {
	t
	g() int
}

func wrapNode() Node {
	return wrapElement()
}

func wrapElement() Element {
	return elem{}
}

type EventTarget interface {
	AddEventListener(Event)
}

type Node interface {
	EventTarget
}

type Element interface {
	Node
}

type Event interface {
	Target() Element
}

type impl struct{}

func (impl) f(x u) string { return fmt.Sprint("f", x.g()) }
func (impl) g() int       { return 7 }

type elem struct{}

func (elem) AddEventListener(e Event) { fmt.Println("listening", e == nil) }

func main() {
	var x u = impl{}
	var y t = x
	fmt.Println(y.f(x), x.g())
	wrapNode().AddEventListener(nil)
}
