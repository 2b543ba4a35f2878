// run

// Generic functions and types, compiled per instance.
package main

type Number interface{ ~int | ~float64 }

func Sum[T Number](xs ...T) (s T) {
	for _, x := range xs {
		s += x
	}
	return s
}

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() T {
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	println(Sum(1, 2, 3), Sum(1.5, 2.5))
	var s Stack[string]
	s.Push("a")
	s.Push("b")
	println(s.Pop(), s.Pop())
	for _, n := range Map([]int{1, 2, 3}, func(i int) int { return i * i }) {
		println(n)
	}
}
