package p

// Declared methods come first, embedded ones are known at the embedding.
type M32 interface{ m() int32 }
type M64 interface{ m() int64 }
type M interface{ m() }

type U1 interface {
	m()
	M
}
type U2 interface {
	m()
	m()
}
type U3 interface {
	M32
	m()
}
type U4 interface {
	m()
	M32
}
type U5 interface {
	M32
	M64
}
