// errorcheck

// Declarations of generic types, functions and methods that gc rejects:
// a generic type used without type arguments, receivers that do not match
// their generic type, type parameters where a constraint or a type is
// wanted, and constraint interfaces used as ordinary types.
package main

type List[T any] struct {
	next *List[T]
	val  T
}

func (l List[T, U]) Wrong() {}

func (l List) Bare() {}

func (l *List[T]) Push(v T) *List[T] { return &List[T]{l, v} }

func ParamAsConstraint[T any, P T]() {}

type Embeds[T any] interface{ T }

type Defined int

type Tilde interface{ ~Defined }

type Overlap interface{ int | ~int }

type Self[T any] T

var l List

var c interface{ ~int | ~string }

var cmp comparable

func main() {}
