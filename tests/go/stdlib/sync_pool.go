// run

// sync.Pool: what a Get returns after Puts on one goroutine (the object
// last put first), New when the pool is empty, nil ignored, objects of
// several types in one pool, and goroutines sharing a pool, each object
// taken by one goroutine at a time.
package main

import (
	"fmt"
	"slices"
	"sync"
)

type buf struct{ b []byte }

func main() {
	made := 0
	p := sync.Pool{New: func() any { made++; return &buf{} }}
	a := p.Get().(*buf)
	a.b = append(a.b, "first"...)
	p.Put(a)
	b := p.Get().(*buf)
	fmt.Println(b == a, string(b.b), made)
	c := p.Get().(*buf)
	fmt.Println(c == a, made)
	p.Put(nil)
	p.Put(b)
	p.Put(c)
	fmt.Println(p.Get() == any(b), p.Get() == any(c), made)

	var mixed sync.Pool
	fmt.Println(mixed.Get())
	mixed.Put(1)
	mixed.Put("two")
	mixed.Put(3.0)
	var got []string
	for x := mixed.Get(); x != nil; x = mixed.Get() {
		got = append(got, fmt.Sprintf("%T %v", x, x))
	}
	slices.Sort(got)
	fmt.Println(len(got), got)

	shared := sync.Pool{New: func() any { return new(int) }}
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sum := 0
			for i := 0; i < 1000; i++ {
				n := shared.Get().(*int)
				*n = g
				sum += *n - g // another goroutine writing n would show here
				shared.Put(n)
			}
			mu.Lock()
			total += sum
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("interference:", total)
}
