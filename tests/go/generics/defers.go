// run
// deft-flags: -gcflags=-d=defer

// defer, recover and panic inside generic functions and methods: open-coded
// defers (reported once per site whatever the number of instances), defer
// records in loops, recover of a panic raised in an instance, and an
// unrecovered panic whose traceback names gc's main.(*Stack[...]).Pop.
package main

import (
	"errors"
	"fmt"
)

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() T {
	defer fmt.Println("pop deferred", len(s.items))
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

func Try[T any](f func() T) (r T, err error) {
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("recovered: %v", e)
		}
	}()
	return f(), nil
}

func Each[T any](xs []T, f func(T)) {
	for _, x := range xs {
		defer f(x)
	}
}

func MustPositive[T int | float64](x T) T {
	if x <= 0 {
		panic(fmt.Sprintf("not positive: %v", x))
	}
	return x
}

type Err[T any] struct{ V T }

func (e Err[T]) Error() string { return fmt.Sprintf("Err(%v)", e.V) }

func Fail[T any](v T) (err error) {
	defer func() {
		r := recover()
		err = r.(error)
	}()
	panic(Err[T]{v})
}

func main() {
	s := &Stack[int]{}
	s.Push(1)
	fmt.Println(s.Pop())
	fmt.Println(Try(func() int { return s.Pop() }))
	ss := &Stack[string]{}
	ss.Push("a")
	fmt.Println(Try(func() string { return ss.Pop() }))
	fmt.Println(Try(func() float64 { return MustPositive(-2.5) }))
	fmt.Println(Try(func() int { return MustPositive(3) }))
	Each([]string{"x", "y", "z"}, func(v string) { fmt.Print(v, " ") })
	fmt.Println()
	err := Fail(42)
	var e Err[int]
	fmt.Println(err, errors.As(err, &e), e.V)
	fmt.Printf("%T %v\n", Fail("s"), Fail([]int{1}))
	s.Pop()
}
