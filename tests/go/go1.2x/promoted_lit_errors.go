// errorcheck

// Misused promoted fields in struct literals, in types2's words.

package main

type Inner struct{ A, B int }
type Mid struct {
	Inner
	C string
}
type P struct{ *Inner }

func main() {
	_ = Mid{A: 1, Inner: Inner{}}
	_ = Mid{Inner: Inner{}, B: 1}
	_ = Mid{A: 1, A: 2}
	_ = P{A: 1}
	_ = Mid{X: 1}
}
