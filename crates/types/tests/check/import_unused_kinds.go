package p

// A dot import none of whose names is used is unused; a package name
// used outside a selector is an error and no use.
import . "unsafe"
import u "unsafe"

var n = u

type S struct {
	a int
	f func(struct {
		x int "foo"
	})
}

type T struct {
	a int
	f func(struct {
		x int "bar"
	})
}

// Conversions ignore struct tags, also inside function types.
var _ = S(T{})
