// Generic code gc accepts: constraints with type sets and methods, generic
// types with methods, instantiation explicit and inferred (typed arguments,
// untyped constants, core types of constraints), and the operations type
// sets allow.
package main

type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string
}

func Max[T Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Sum[T ~int | ~float64](xs ...T) (s T) {
	for _, x := range xs {
		s += x
	}
	return s * 2
}

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}
func (s Stack[T]) Len() int { return len(s.items) }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	r := make([]K, 0, len(m))
	for k := range m {
		r = append(r, k)
	}
	return r
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func Filter[S ~[]E, E any](s S, keep func(E) bool) S {
	var out S
	for _, e := range s {
		if keep(e) {
			out = append(out, e)
		}
	}
	return out
}

func Index[E comparable](s []E, v E) int {
	for i := range s {
		if v == s[i] {
			return i
		}
	}
	return -1
}

type Number interface{ ~int | ~float64 }

func Conv[T, U Number](x T) U { return U(x) }

type List[T any] struct {
	next *List[T]
	val  T
}

func (l *List[T]) Each(f func(T)) {
	for ; l != nil; l = l.next {
		f(l.val)
	}
}

type Tree[T interface{ Less(T) bool }] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if v.Less(t.Val) {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

type MyInt int

func (a MyInt) Less(b MyInt) bool { return a < b }

func use() {
	_ = Max(1, 2)
	_ = Max(1, 2.5)
	_ = Max("a", "b")
	var x int8 = 3
	_ = Max(x, 4)
	_ = Sum(1, 2, 3)
	_ = Sum[float64]()
	var st Stack[string]
	st.Push("a")
	v, ok := st.Pop()
	_, _ = v, ok
	_ = st.Len()
	m := map[string]int{"a": 1}
	_ = Keys(m)
	_ = Map([]int{1, 2}, func(i int) string { return "" })
	_ = Filter([]int{1}, func(i int) bool { return i > 0 })
	_ = Index([]string{"a"}, "a")
	_ = Conv[int, float64](3)
	p := Pair[string, int]{"a", 1}
	_ = p.Key
	var l *List[int]
	l.Each(func(i int) {})
	var t *Tree[MyInt]
	t = t.Insert(3)
	f := Max[int]
	_ = f(1, 2)
	var s []MyInt
	s = Filter(s, func(MyInt) bool { return true })
	_ = Pair[int, []int]{}
}

func Zero[T any]() T {
	var z T
	return z
}

func Ptr[T any](v T) *T { return &v }

func Deref[T any, PT interface{ *T }](p PT) T { return *p }

func Cmp[T comparable](a, b T) bool { return a == b && a != b }

func Conv2[T ~string | ~[]byte](x T) string { return string(x) }

func Len[T ~string | ~[]byte](x T) int { return len(x) }

func Clear[M ~map[K]V, K comparable, V any](m M) {
	for k := range m {
		delete(m, k)
	}
}

func Chan[T any](c chan T) T { return <-c }

func New[T any]() *T { return new(T) }

func MakeS[S ~[]E, E any](n int) S { return make(S, n) }

func use2() {
	_ = Zero[int]()
	_ = Ptr(3)
	_ = Deref(Ptr(3))
	_ = Cmp(1, 2)
	_ = Conv2("a")
	_ = Conv2([]byte("a"))
	_ = Len("abc")
	_ = MakeS[[]int](3)
	Clear(map[int]int{})
	_ = New[string]()
}

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T)           { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool      { _, ok := s[v]; return ok }
func NewSet[T comparable]() Set[T] { return make(Set[T]) }

func use3() {
	s := NewSet[int]()
	s.Add(1)
	_ = s.Has(1)
	for k := range s {
		_ = k
	}
}

type Opt[T any] struct {
	v  T
	ok bool
}

func Some[T any](v T) Opt[T] { return Opt[T]{v, true} }
func (o Opt[T]) Get() (T, bool) { return o.v, o.ok }

func use4() {
	o := Some(3)
	n, _ := o.Get()
	_ = n + 1
}

func Reduce[T, A any](s []T, init A, f func(A, T) A) A {
	acc := init
	for _, v := range s {
		acc = f(acc, v)
	}
	return acc
}

func use5() {
	_ = Reduce([]int{1}, "", func(a string, v int) string { return a })
	_ = Reduce([]int{1}, 0.0, func(a float64, v int) float64 { return a })
}

func Shift[T ~int | ~uint](x T, n uint) T { return x << n >> 1 }
func Neg[T ~int | ~float64](x T) T  { return -x }
func Inc[T ~int](x T) T           { x++; return x + 1 }
func Bits[T ~uint8 | ~uint16](x T) T { return x &^ 1 | 2 }
func main() {}
