package p

// Aliases are declared after defined types, so a type an alias names
// can be known when the alias is used in it.
type F = func(T)

type T interface {
	m(F)
}

type t struct{}

func (t) m(F) {}

var _ T = &t{}
