// errorcheck

// Operations on values of type-parameter type that their type sets do
// not allow.
package main

type Number interface{ ~int | ~float64 }

func Equal[T any](x, y T) bool { return x == y }

func Less[T comparable](x, y T) bool { return x < y }

func Length[T any](x T) int { return len(x) }

func First[T interface{ ~[]int | ~[]string }](x T) { _ = x[0] }

func Call[T any](x T) { x.foo() }

func Frac[T int](x T) { var y T = 1.5; _ = y }

func Scale[T Number](x T) T { return x * 2.5 }

func Rem[T Number](x T) T { return x % x }

func Add[T int | string](x T) { _ = x + 1 }

func Deref[T any](p *T) { p.foo() }

func main() {}
