package p

// Methods declared with an alias as receiver base type are the aliased
// type's: duplicates among them are reported with that type's name.
type T struct{}
type A = T
type B = A

func (T) m() {}
func (A) m() {}
func (*B) m() {}
func (B) n() {}

var _ interface{ n() } = T{}
