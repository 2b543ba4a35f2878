// run

// Generic type aliases (Go 1.24): instances of an alias are the types
// they stand for, inside and outside generic code.

package main

import "fmt"

type List[T any] struct {
	items []T
}

func (l *List[T]) Push(v T) { l.items = append(l.items, v) }
func (l *List[T]) Len() int  { return len(l.items) }

type Set[K comparable] = map[K]struct{}
type Vec[T any] = []T
type Pair[A, B any] = struct {
	First  A
	Second B
}
type IntList = List[int]
type L[T any] = List[T]
type Ptr[T any] = *T
type Fn[T, R any] = func(T) R

func keys[K comparable](s Set[K]) int { return len(s) }

func mapVec[T, R any](v Vec[T], f Fn[T, R]) Vec[R] {
	out := make(Vec[R], 0, len(v))
	for _, x := range v {
		out = append(out, f(x))
	}
	return out
}

func newL[T any](xs ...T) *L[T] {
	l := &L[T]{}
	for _, x := range xs {
		l.Push(x)
	}
	return l
}

func main() {
	s := Set[string]{"a": {}, "b": {}}
	s["c"] = struct{}{}
	fmt.Println(keys(s), len(s))

	v := Vec[int]{1, 2, 3}
	fmt.Println(mapVec(v, func(x int) string { return fmt.Sprint(x * 10) }))

	p := Pair[string, int]{"x", 1}
	fmt.Printf("%v %T\n", p, p.Second)

	var il IntList
	il.Push(4)
	l := newL("a", "b")
	fmt.Println(il.Len(), l.Len(), l.items)

	var q Ptr[int] = new(int)
	*q = 7
	fmt.Println(*q)

	var m map[string]Vec[Pair[int, bool]]
	m = map[string]Vec[Pair[int, bool]]{"k": {{1, true}}}
	fmt.Println(m["k"][0].First, m["k"][0].Second)
	fmt.Printf("%T %T\n", v, s)
}
