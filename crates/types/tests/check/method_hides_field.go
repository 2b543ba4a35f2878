package p

// A method declared with the name of a field is an error, but selecting
// the name finds the method, without follow-on errors.
type T struct {
	a, b int
	E
}

type E struct{}

func (T) b()  {}
func (*T) E() {}

func g() {
	var x T
	x.b()
	x.E()
	_ = x.b + "s"
	var z int = x.b
	x.a()
	_ = z
}
