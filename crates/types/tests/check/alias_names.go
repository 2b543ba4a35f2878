package main

type (
	S  struct{ x int }
	N  int
	A  = S
	B  = int
	C  = N
	D  = []B
	P  = *A
	AA = A
)

type Pair[K comparable, V any] struct {
	k K
	v V
}

type Of[V any] = Pair[string, V]

func id[T any](x T) T { return x }

func main() {
	var a A
	var b B
	var c C
	var d D
	var o Of[bool]
	type L = float64
	var l L
	var s string = a
	s = b
	s = d
	s = o
	s = l
	s = id(b) + 1
	_ = id(l) + "x"
	o.z = 1
	var m map[B]D = 3
	_, _ = s, m
	const k = a
}
