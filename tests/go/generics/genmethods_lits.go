// run

// Generic methods (Go 1.27) as values: gc makes each instantiated generic
// method value or method expression that is not called directly a function
// literal of the enclosing function, numbered with its literals, so the
// literals after one are named as gc names them (main.main.func3 below).
// Method expressions of generic methods promoted through embedded fields
// (by value and by pointer), in functions and in package-level variables.
package main

import (
	"fmt"
	"runtime"
)

type T struct{ n int }

func (t T) Show[U any](x U) string { return fmt.Sprint(t.n, x) }
func (t T) Plain(x int) string     { return fmt.Sprint(t.n, x) }
func (t *T) Inc[U ~int](x U) U     { t.n += int(x); return U(t.n) }

type S struct{ T }
type PS struct{ *T }

var g = S.Show[int]
var h = T.Show[string]
var k = func() string { return here() }

func here() string {
	pc, _, _, _ := runtime.Caller(1)
	return runtime.FuncForPC(pc).Name()
}

func main() {
	t := T{1}
	_ = T.Show[int](t, 3)
	func() { fmt.Println(here()) }()
	_ = T.Plain(t, 3)
	func() { fmt.Println(here()) }()
	_ = t.Show[int]
	func() { fmt.Println(here()) }()
	defer t.Show[int](4)
	func() { fmt.Println(here()) }()
	done := make(chan bool)
	go func() { t.Show[int](4); done <- true }()
	<-done
	func() { fmt.Println(here()) }()
	var f func(int) string = t.Show
	func() { fmt.Println(here(), f(5)) }()

	s := S{T{1}}
	sf := S.Show[int]
	fmt.Println(sf(s, 2))
	inc := (*S).Inc[int]
	fmt.Println(inc(&s, 3))
	sh := s.Show[string]
	fmt.Println(sh("h"))
	ps := PS{&T{5}}
	fmt.Println(PS.Inc[int](ps, 1), ps.Inc(2), ps.n)
	pshow := (*S).Show[bool]
	fmt.Println(pshow(&s, true))
	fmt.Println(g(S{T{2}}, 1), h(T{3}, "x"), k())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var nilS *S
		fmt.Println(pshow(nilS, false))
	}()
}
