// errorcheck

// Type arguments that do not satisfy their constraints: a type outside
// the type set, a missing method, comparable, and a defined type where
// the constraint lacks ~.
package main

type Number interface {
	~int | ~int64 | float64
}

func Sum[T Number](xs []T) (s T) { return }

type Stringer interface{ String() string }

func Str[T Stringer](x T) string { return x.String() }

type MyInt int

func (MyInt) String() string { return "" }

type MyFloat float64

type Set[T comparable] map[T]bool

func Eq[T comparable](a, b T) bool { return a == b }

func main() {
	_ = Sum([]string{"a"})
	_ = Sum[string]
	_ = Sum([]MyFloat{1})
	Str(3)
	Str(MyInt(3))
	var s Set[[]int]
	_ = s
	_ = Eq[map[int]int]
	_ = Eq(main, main)
}
