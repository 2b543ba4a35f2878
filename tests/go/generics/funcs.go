// run

// Generic functions: Map/Filter/Reduce, constraints with type sets and
// methods, explicit and inferred instantiation, generic function values.
package main

import (
	"fmt"
	"strconv"
)

type Number interface {
	~int | ~int8 | ~int64 | ~uint8 | ~float32 | ~float64
}

type Ordered interface {
	~int | ~int64 | ~float64 | ~string
}

func Map[T, U any](s []T, f func(T) U) []U {
	r := make([]U, 0, len(s))
	for _, x := range s {
		r = append(r, f(x))
	}
	return r
}

func Filter[T any](s []T, keep func(T) bool) []T {
	var r []T
	for _, x := range s {
		if keep(x) {
			r = append(r, x)
		}
	}
	return r
}

func Reduce[T, A any](s []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range s {
		acc = f(acc, x)
	}
	return acc
}

func Sum[T Number](s ...T) (total T) {
	for _, x := range s {
		total += x
	}
	return
}

func Max[T Ordered](first T, rest ...T) T {
	m := first
	for _, x := range rest {
		if x > m {
			m = x
		}
	}
	return m
}

type Celsius float64

type MyInt int

func (m MyInt) String() string { return "MyInt(" + strconv.Itoa(int(m)) + ")" }

func Strings[T fmt.Stringer](xs []T) []string {
	return Map(xs, func(x T) string { return x.String() })
}

func Keys[K comparable, V any](m map[K]V) int {
	n := 0
	for range m {
		n++
	}
	return n
}

func Ptr[T any](v T) *T { return &v }

func Zero[T any]() (z T) { return }

func Convert[T, U Number](x T) U { return U(x) }

func Apply[T any](x T, fs ...func(T) T) T {
	for _, f := range fs {
		x = f(x)
	}
	return x
}

func main() {
	ints := []int{1, 2, 3, 4, 5, 6}
	fmt.Println(Map(ints, func(i int) string { return strconv.Itoa(i * i) }))
	fmt.Println(Filter(ints, func(i int) bool { return i%2 == 0 }))
	fmt.Println(Reduce(ints, "", func(a string, i int) string { return a + strconv.Itoa(i) }))
	fmt.Println(Sum(ints...), Sum(1.5, 2.25), Sum[int8](100, 27), Sum[uint8](200, 100))
	fmt.Println(Sum(Celsius(1.5), 20), Sum[MyInt](1, 2, 3))
	fmt.Println(Max(3, 9, 2), Max(2.5, -1.0), Max("pear", "apple", "zoo"), Max[Celsius](-3, -7))
	fmt.Println(Strings([]MyInt{4, 5}))
	fmt.Println(Keys(map[string]int{"a": 1, "b": 2}), Keys(map[[2]int]bool{{1, 2}: true}))
	p := Ptr(42)
	*p++
	fmt.Println(*p, *Ptr("s"))
	fmt.Printf("%q %v %v %v\n", Zero[string](), Zero[*int](), Zero[[2]bool](), Zero[struct{ A, B int }]())
	fmt.Println(Convert[int, float64](3), Convert[float64, int](3.99), Convert[int, uint8](300), Convert[float64, float32](0.1))
	double := func(i int) int { return i * 2 }
	fmt.Println(Apply(3, double, double, func(i int) int { return i + 1 }))
	f := Map[int, bool]
	fmt.Println(f(ints, func(i int) bool { return i > 3 }))
	fmt.Printf("%T\n", f)
	var sum func(...float64) float64 = Sum[float64]
	fmt.Println(sum(1, 2))
}
