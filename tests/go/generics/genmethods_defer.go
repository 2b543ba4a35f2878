// run
// deft-flags: -gcflags=-d=defer

// defer, recover and panic inside generic methods (Go 1.27): open-coded
// defers reported once per site whatever the number of instances, a defer
// record in a loop, a deferred generic method call, recover of a panic
// raised in an instance, a re-panic from a deferred literal, and an
// unrecovered nil dereference whose traceback names gc's
// main.(*Box[...]).Get[...].
package main

import (
	"errors"
	"fmt"
)

type Acc struct{ log []string }

func (a *Acc) Try[T any](f func() T) (r T, err error) {
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("recovered in Try: %v", e)
		}
	}()
	return f(), nil
}

func (a *Acc) Logged[T any](v T) T {
	defer a.note[T](v)
	defer fmt.Println("logged", v)
	return v
}

func (a *Acc) note[T any](v T) { a.log = append(a.log, fmt.Sprint(v)) }

func (a Acc) Each[T any](xs []T) {
	for i, x := range xs {
		defer fmt.Println("each", i, x)
	}
}

type Box[T any] struct{ v T }

func (b *Box[T]) Get[I ~int](i I) T {
	defer fmt.Println("get", i)
	if i < 0 {
		panic(errors.New("negative index"))
	}
	return b.v
}

func (b Box[T]) Must[E error](err E) T {
	defer func() {
		r := recover()
		fmt.Println("must recovered:", r)
		panic(r)
	}()
	panic(err)
}

type myErr struct{ s string }

func (e myErr) Error() string { return "myErr " + e.s }

func main() {
	var a Acc
	fmt.Println(a.Try(func() int { return 1 }))
	fmt.Println(a.Try(func() string { var m map[string]int; m["x"] = 1; return "no" }))
	fmt.Println(a.Logged(3), a.Logged("s"), a.log)
	a.Each([]string{"x", "y"})
	a.Each([]int{1})
	b := &Box[string]{"v"}
	fmt.Println(b.Get(0))
	fmt.Println(a.Try(func() string { return b.Get(-1) }))
	func() {
		defer func() { fmt.Println("outer recovered:", recover()) }()
		Box[int]{}.Must(myErr{"m"})
	}()
	var c *Box[float64]
	c.Get[int](1)
}
