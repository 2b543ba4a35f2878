package p

// A defined type declared as one still being declared gets its
// underlying type once that one is complete.
type T1 struct{ Next *T2 }
type T2 T1
type T3 T2

func (*T3) M() {}

var _ = T2{&T2{}}.Next.Next
var _ = &T3{}

// A type defined through a chain of others being declared.
type A struct{ Next *B }
type B C
type C D
type D A

var _ = B{}.Next

type E struct{ f *F }
type F = G
type G E

// Its fields are known when its methods are collected.
func (G) f() {}

// Cycles without indirection remain errors, named as gc names them.
type H struct{ x H2 }
type H2 H

type I struct{ f *J }
type J K
type K [3]J

type L M
type M N
type N L

type O P
type P = O
