// run

// Reverse type inference (Go 1.21) from the targets types2 gives a generic
// function besides variables and results: struct, slice, array and map
// literal elements, a sent value, a conversion, an assignment statement
// (also of a partial instantiation).

package main

import "fmt"

func double[T int | float64](x T) T { return x * 2 }
func show[T any](x T) string  { return fmt.Sprint("<", x, ">") }
func pair[P, Q any](p P, q Q) string { return fmt.Sprint(p, q) }

type ops struct {
	f func(int) int
	g func(string) string
}

func main() {
	o := ops{f: double, g: show}
	fmt.Println(o.f(21), o.g("x"))
	fs := []func(float64) float64{double, double}
	fmt.Println(fs[1](1.5))
	m := map[string]func(int) string{"a": show}
	fmt.Println(m["a"](3))
	ch := make(chan func(int) int, 1)
	ch <- double
	fmt.Println((<-ch)(4))
	type F func(int) int
	h := F(double)
	fmt.Println(h(5))
	var p func(int, string) string
	p = pair[int]
	fmt.Println(p(1, "z"))
	var s func(bool) string
	s = show
	fmt.Println(s(true))
	arr := [2]func(int) string{show, show[int]}
	fmt.Println(arr[0](7), arr[1](8))
}
