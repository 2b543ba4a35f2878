// errorcheck

// Type argument inference failures and explicit instantiations gc
// rejects, with the positions gc reports them at.
package main

func Map[T, U any](xs []T, f func(T) U) []U { return nil }

func Two[T any](a, b T) {}

func Sum[T ~int | ~float64](xs []T) (s T) { return }

type Pair[K comparable, V any] struct {
	k K
	v V
}

func main() {
	_ = Map([]int{1}, 2)
	_ = Map[int]
	f := Map
	_ = f
	Two(1, "a")
	var i int
	var s string
	Two(i, s)
	_ = Sum(nil)
	Sum[int, int](nil)
	_ = Pair[int, int, int]{}
	_ = Pair[int]{}
}
