// run

// Generic code with the rest of the language: a pointer-method constraint
// (PT interface{ *T; Set(int) }), a range-over-func iterator with defers
// in the loop body, goroutines and WaitGroup, channels and select over
// T, instance types as map keys.
package main

import (
	"fmt"
	"sync"
)

type Setter[T any] interface {
	*T
	Set(int)
}

type S struct{ v int }

func (s *S) Set(v int) { s.v = v }

func Make[T any, PT Setter[T]](v int) T {
	var x T
	PT(&x).Set(v)
	return x
}

func All[T any](s []T) func(yield func(int, T) bool) {
	return func(yield func(int, T) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

func Collect[T any](s []T) (out []T) {
	for i, v := range All(s) {
		if i == 2 {
			break
		}
		defer func() { out = append(out, v) }()
	}
	return
}

func Par[T any](xs []T, f func(T) T) []T {
	out := make([]T, len(xs))
	var wg sync.WaitGroup
	for i, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = f(x)
		}()
	}
	wg.Wait()
	return out
}

func Pipe[T any](xs ...T) <-chan T {
	ch := make(chan T, len(xs))
	go func() {
		for _, x := range xs {
			ch <- x
		}
		close(ch)
	}()
	return ch
}

func Merge[T any](a, b <-chan T) (out []T) {
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			out = append(out, v)
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			out = append(out, v)
		}
	}
	return
}

type Key[T comparable] struct{ a, b T }

func Group[T comparable](xs []T) map[Key[T]]int {
	m := map[Key[T]]int{}
	for i := 0; i+1 < len(xs); i++ {
		m[Key[T]{xs[i], xs[i+1]}]++
	}
	return m
}

func main() {
	fmt.Println(Make[S](7))
	fmt.Println(Collect([]string{"a", "b", "c"}))
	fmt.Println(Par([]int{1, 2, 3}, func(i int) int { return i * 10 }))
	fmt.Println(len(Merge(Pipe(1, 2, 3), Pipe(4, 5))))
	fmt.Println(Group([]int{1, 2, 1, 2, 1}))
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); fmt.Println(Collect([]int{9, 8})) }()
	wg.Wait()
}
