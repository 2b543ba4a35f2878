package p

// Channel elements of 64kB or more are reported where gc's back end
// sizes the channel type: variables, make, and a defined channel type
// where it is used (not in a parameter, nor in an unused type).
type S struct{ c chan [1 << 17]byte }

type D []chan [1 << 17]byte

var a chan [65535]byte
var b []chan [65536]byte
var _ C

type C chan [1 << 17]byte

func f(x chan [1 << 17]byte) {
	var l chan [1 << 17]byte
	_ = l
	m := make(chan [1 << 17]byte, 1)
	_ = m
	var n func(chan [1 << 17]byte)
	_ = n
}
