// run

// Closures inside generic functions: capturing values of type parameter
// type, generic closures returned and called later, method values of
// instances, and runtime.FuncForPC names of instances as gc prints them.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

func caller() string {
	pc, _, _, _ := runtime.Caller(1)
	return runtime.FuncForPC(pc).Name()
}

func Counter[T int | float64](step T) func() T {
	var n T
	fmt.Println(caller())
	return func() T {
		n += step
		return n
	}
}

func Memo[K comparable, V any](f func(K) V) func(K) V {
	cache := map[K]V{}
	return func(k K) V {
		if v, ok := cache[k]; ok {
			return v
		}
		v := f(k)
		cache[k] = v
		return v
	}
}

func Compose[A, B, C any](f func(A) B, g func(B) C) func(A) C {
	return func(a A) C { return g(f(a)) }
}

type Acc[T any] struct{ items []T }

func (a *Acc[T]) Add(v T) *Acc[T] {
	fmt.Println(caller())
	a.items = append(a.items, v)
	return a
}

func (a Acc[T]) Last() T {
	fmt.Println(caller())
	return a.items[len(a.items)-1]
}

func Loop[T any](xs []T) []func() T {
	var fs []func() T
	for _, x := range xs {
		fs = append(fs, func() T { return x })
	}
	func() { fmt.Println(caller()) }()
	return fs
}

func main() {
	c := Counter(2)
	c()
	fmt.Println(c(), c())
	cf := Counter(0.5)
	fmt.Println(cf(), cf())
	calls := 0
	sq := Memo(func(i int) int { calls++; return i * i })
	fmt.Println(sq(4), sq(4), sq(5), calls)
	up := Compose(strings.TrimSpace, strings.ToUpper)
	n := Compose(up, func(s string) int { return len(s) })
	fmt.Println(up("  go "), n(" hello "))
	var a Acc[string]
	add := a.Add
	add("x").Add("y")
	last := a.Last
	a.Add("z")
	fmt.Println(last(), a.Last())
	for _, f := range Loop([]rune("abc")) {
		fmt.Print(string(f()))
	}
	fmt.Println()
	fmt.Printf("%T %T\n", c, sq)
}
