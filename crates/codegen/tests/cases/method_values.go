package main

type T struct{ name string }

func (t T) M() {
	r := recover()
	if r == nil {
		println(t.name, "recover returned nil")
		return
	}
	println(t.name, "recovered:", r.(string))
}

func (t *T) P() {
	println(t.name, "pointer method, recover nil:", recover() == nil)
}

func viaValue() {
	f := T{"value"}.M
	defer f()
	panic("via method value")
}

func viaPointer() {
	t := &T{"ptr"}
	g := t.P
	defer func() { println("outer:", recover().(string)) }()
	defer g()
	panic("via pointer method value")
}

func direct() {
	defer T{"direct"}.M()
	panic("direct method")
}

func main() {
	viaValue()
	viaPointer()
	direct()
}
