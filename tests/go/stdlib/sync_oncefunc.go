// run

// sync.OnceFunc, OnceValue and OnceValues: one call however many
// callers and goroutines, the result repeated, a panic repeated to every
// caller.
package main

import (
	"errors"
	"fmt"
	"sync"
)

func main() {
	n := 0
	f := sync.OnceFunc(func() { n++; fmt.Println("ran") })
	f()
	f()
	fmt.Println(n)
	v := sync.OnceValue(func() int { n += 10; return n })
	fmt.Println(v(), v(), n)
	vs := sync.OnceValues(func() (string, error) { return "x", errors.New("e") })
	a, err := vs()
	b, err2 := vs()
	fmt.Println(a, err, b, err2 == err)
	p := sync.OnceFunc(func() { panic("boom") })
	for range 2 {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			p()
		}()
	}
	var wg sync.WaitGroup
	calls := 0
	g := sync.OnceValue(func() int { calls++; return 7 })
	for range 10 {
		wg.Add(1)
		go func() { defer wg.Done(); _ = g() }()
	}
	wg.Wait()
	fmt.Println(calls, g())
}
