package p

import "unsafe"

// A function literal in a constant declaration sees its iota; a constant
// declaration inside it has its own.
const (
	a = iota
	b = unsafe.Sizeof(func() {
		var x [iota]int
		const (
			c = iota
			d = unsafe.Sizeof([iota + 1]int{} == x)
		)
	})
	e = iota
)

var _ [e]int = [2]int{}

func f() int {
	return iota
}

var g = func() int { return iota }
