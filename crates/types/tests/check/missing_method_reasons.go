package p

// Reasons gc gives for a missing method: a method whose name differs in
// case only is shown; a pointer to an interface is named as such.
type I interface{ M(int) }

type T2 struct{}

func (*T2) m(int) {}

type T6 struct{}

func (T6) m(int) string { return "" }

func f() {
	var i I
	i = new(T2)
	i = T6{}
	var p *I
	i = p
	p = new(T2)
	_ = i.(T6)
	_ = p
}
