package p

type T struct{ x int }

func (T) mT() {}

type S struct {
	T
	y int
}

func (*S) mS() {}

type P *S

type Q *struct{ z int }

func f(p P, q Q) {
	_ = p.x
	_ = p.y
	_ = p.T.x
	p.T.mT()
	(*p).mS()
	p.mS()
	p.mT()
	_ = q.z
	_ = q.w
}
