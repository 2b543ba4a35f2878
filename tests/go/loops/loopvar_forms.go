// run

// Go 1.22 loop variables: every iteration of a three-clause loop and of a
// range loop with := has its own variables, as closures, deferred calls,
// goroutines and pointers see them.

package main

import (
	"fmt"
	"sync"
)

type T struct{ a, b int }

func main() {
	var fs []func()
	for i := 0; i < 3; i++ {
		fs = append(fs, func() { fmt.Println("3clause", i) })
	}
	for _, f := range fs {
		f()
	}
	fs = nil
	for i, s := range []string{"a", "b", "c"} {
		fs = append(fs, func() { fmt.Println("range", i, s) })
	}
	for _, f := range fs {
		f()
	}
	var ps []*int
	for i := 0; i < 3; i++ {
		ps = append(ps, &i)
	}
	for _, p := range ps {
		fmt.Println(*p)
	}
	for i := 0; i < 3; i++ {
		defer func() { fmt.Println("defer", i) }()
	}
	// modification in body carries to next iteration
	for i := 0; i < 10; i++ {
		fs = append(fs, func() { fmt.Println("mod", i) })
		i += 2
		if i > 5 {
			continue
		}
		fmt.Println("body", i)
	}
	for _, f := range fs[3:] {
		f()
	}
	var wg sync.WaitGroup
	res := make([]int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() { res[i] = i * i; wg.Done() }()
	}
	wg.Wait()
	fmt.Println(res)
	m := map[int]T{1: {1, 2}}
	for k, v := range m {
		defer func() { fmt.Println("map", k, v) }()
	}
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	close(ch)
	for x := range ch {
		defer func() { fmt.Println("chan", x) }()
	}
	for i, r := range "héllo" {
		if i < 3 {
			defer func() { fmt.Println("str", i, string(r)) }()
		}
	}
	// closure in post statement and condition
	var gs []func() int
	for i := 0; len(gs) < 3; i, gs = i+1, append(gs, func() int { return i }) {
	}
	for _, g := range gs {
		fmt.Println("post", g())
	}
}
