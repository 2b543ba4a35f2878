// run

// Generic functions as arguments (Go 1.21): inferred with the generic
// callee's type parameters, or from a non-generic parameter's type.

package main

import (
	"fmt"
	"strconv"
)

func Map[T, U any](s []T, f func(T) U) []U {
	r := make([]U, 0, len(s))
	for _, v := range s {
		r = append(r, f(v))
	}
	return r
}

func double[N int | float64](n N) N { return n * 2 }
func show[T any](t T) string    { return fmt.Sprint(t) }
func apply(f func(int) string, x int) string { return f(x) }
func twice[T any](f func(T) T, x T) T { return f(f(x)) }
func ident[T any](x T) T         { return x }

func main() {
	fmt.Println(Map([]int{1, 2, 3}, double))
	fmt.Println(Map([]float64{1.5}, show))
	fmt.Println(apply(show, 7), apply(strconv.Itoa, 8))
	fmt.Println(twice(double, int(3)), twice(ident, 2.5), twice(ident, "s"))
	fmt.Println(Map([]int{4}, ident))
}
