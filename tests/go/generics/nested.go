// run

// Instantiation inside generic bodies: f[T] calling g[[]T], generic types
// of generic types, mutually recursive generic functions, a generic
// function building an instance of another argument list.
package main

import "fmt"

func Wrap[T any](x T) []T { return []T{x} }

func Twice[T any](x T) [][]T { return Wrap(Wrap(x)) }

func Count[T any](xs []T, n int) int {
	if len(xs) == 0 {
		return n
	}
	return Count2(xs[1:], n+1)
}

func Count2[T any](xs []T, n int) int { return Count(xs, n) }

type Box[T any] struct{ V T }

func (b Box[T]) Map(f func(T) T) Box[T] { return Box[T]{f(b.V)} }

func Pair[T any](b Box[T]) Box[[2]T] { return Box[[2]T]{[2]T{b.V, b.V}} }

func (b Box[T]) String() string { return fmt.Sprintf("Box(%v)", b.V) }

type Matrix[T any] [][]T

func NewMatrix[T any](r, c int, fill T) Matrix[T] {
	m := make(Matrix[T], r)
	for i := range m {
		m[i] = make([]T, c)
		for j := range m[i] {
			m[i][j] = fill
		}
	}
	return m
}

func (m Matrix[T]) Transpose() Matrix[T] {
	if len(m) == 0 {
		return m
	}
	t := NewMatrix(len(m[0]), len(m), m[0][0])
	for i := range m {
		for j := range m[i] {
			t[j][i] = m[i][j]
		}
	}
	return t
}

type Opt[T any] struct {
	v  T
	ok bool
}

func Some[T any](v T) Opt[T] { return Opt[T]{v, true} }

func None[T any]() Opt[T] { return Opt[T]{} }

func Then[T, U any](o Opt[T], f func(T) Opt[U]) Opt[U] {
	if !o.ok {
		return None[U]()
	}
	return f(o.v)
}

func main() {
	fmt.Println(Twice(3), Twice("s"))
	fmt.Println(Count([]string{"a", "b", "c"}, 0), Count([]float64{}, 7))
	b := Box[int]{2}
	fmt.Println(b.Map(func(i int) int { return i * 21 }), Pair(b), Pair(Pair(b)))
	fmt.Printf("%T %T\n", Pair(b), Pair(Pair(b)))
	m := NewMatrix(2, 3, 0)
	for i := range m {
		for j := range m[i] {
			m[i][j] = i*3 + j
		}
	}
	fmt.Println(m, m.Transpose())
	fmt.Printf("%T\n", m.Transpose())
	half := func(i int) Opt[float64] {
		if i%2 != 0 {
			return None[float64]()
		}
		return Some(float64(i) / 2)
	}
	fmt.Println(Then(Some(8), half), Then(Some(7), half), Then(None[int](), half))
	fmt.Println(Then(Then(Some(4), half), func(f float64) Opt[string] { return Some(fmt.Sprint(f)) }))
}
