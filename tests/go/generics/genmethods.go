// run

// Generic methods (Go 1.27): methods with type parameters of their own, on
// plain and generic receivers, value and pointer, called with explicit and
// inferred type arguments, as method values and expressions (instantiated
// explicitly or from an assignment), promoted through an embedded field,
// calling each other, declaring local types, returning closures, started
// by go statements; their names as runtime.FuncForPC gives them; and in no
// method set (reflect's NumMethod).
package main

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
)

type T struct{ n int }

func (t T) Show[U any](x U) string { return fmt.Sprintf("T%d(%v)", t.n, x) }
func (t *T) Add[U ~int | ~float64](x U) U { t.n += int(x); return x + U(t.n) }
func (T) Plain() string { return "plain" }

type S struct {
	T
	name string
}

type Pair[K comparable, V any] struct {
	k K
	v V
}

func (p Pair[K, V]) With[W any](w W) Pair[K, W] { return Pair[K, W]{p.k, w} }
func (p *Pair[K, V]) Swap[W any](w W) (V, W) {
	old := p.v
	var zero V
	p.v = zero
	return old, w
}
func (p Pair[K, V]) Fold[A any](acc A, f func(A, K, V) A) A { return f(acc, p.k, p.v) }
func (p Pair[K, V]) Chain[A fmt.Stringer](a A) string {
	// A generic method calling another of the same receiver, with its own
	// type parameter as the argument.
	return p.With(a).String2() + "/" + p.Again[A](a, 2)
}
func (p Pair[K, V]) Again[A any](a A, n int) string {
	if n == 0 {
		return "end"
	}
	return fmt.Sprint(a, "-", p.Again(a, n-1))
}
func (p Pair[K, V]) String2() string { return fmt.Sprintf("<%v:%v>", p.k, p.v) }

type Name string

func (n Name) String() string { return strings.ToUpper(string(n)) }

func (p Pair[K, V]) Local[A any](a A) string {
	type box struct{ a A; v V }
	b := box{a, p.v}
	return fmt.Sprintf("%v %T", b, b)
}

func (p Pair[K, V]) Counter[A any](a A) func() string {
	i := 0
	return func() string {
		i++
		return fmt.Sprint(p.k, a, i)
	}
}

func (p Pair[K, V]) Who[A any]() string {
	pc, _, _, _ := runtime.Caller(0)
	f := func() string {
		pc, _, _, _ := runtime.Caller(0)
		return runtime.FuncForPC(pc).Name()
	}
	return runtime.FuncForPC(pc).Name() + " " + f()
}

func (t *T) Who[A any]() string {
	pc, _, _, _ := runtime.Caller(0)
	return runtime.FuncForPC(pc).Name()
}

func main() {
	t := T{1}
	fmt.Println(t.Show(2), t.Show[string]("x"), t.Show[[]int](nil))
	fmt.Println(t.Add(3), t.Add(1.5), t.n)
	pt := &t
	fmt.Println(pt.Show(true), pt.Add[int](1))

	// Method values and expressions.
	sv := t.Show[int]
	t.n = 100 // the value receiver was copied
	fmt.Println(sv(5))
	av := t.Add[int]
	fmt.Println(av(1), t.n)
	se := T.Show[string]
	fmt.Println(se(T{7}, "e"))
	pe := (*T).Show[float64]
	fmt.Println(pe(&T{8}, 1.25))
	ae := (*T).Add[int]
	fmt.Println(ae(pt, 2), t.n)
	var inferred func(int) string = t.Show
	fmt.Println(inferred(9))

	// Promoted through an embedded field.
	s := S{T{3}, "s"}
	fmt.Println(s.Show("p"), s.Add(4), s.n, s.Plain())

	// Generic receivers.
	p := Pair[string, int]{"a", 1}
	q := p.With[[]string]([]string{"x", "y"})
	fmt.Println(q, q.k, len(q.v))
	fmt.Println(p.With(2.5).With(true))
	old, w := p.Swap("w")
	fmt.Println(old, w, p)
	fmt.Println(Pair[int, int]{2, 3}.Fold(10, func(a, k, v int) int { return a + k*v }))
	fmt.Println(p.Chain(Name("bob")))
	fmt.Println(p.Local(3), p.Local("s"))
	c1, c2 := p.Counter("x"), p.Counter(1)
	fmt.Println(c1(), c1(), c2())
	fmt.Println(p.Who[int]())
	fmt.Println(pt.Who[string]())

	// Generic methods are in no method set.
	fmt.Println(reflect.TypeOf(t).NumMethod(), reflect.TypeOf(pt).NumMethod(), reflect.TypeOf(p).NumMethod())

	done := make(chan string)
	go func() { done <- t.Show[int](42) }()
	fmt.Println(<-done)
	go p.Send(done, 5)
	fmt.Println(<-done)
}

func (p Pair[K, V]) Send[A any](c chan<- string, a A) { c <- fmt.Sprint("sent ", p.k, a) }
