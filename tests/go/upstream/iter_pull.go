// run

// iter.Pull and iter.Pull2 (Go's own package iter) on deft's coroutines:
// values one at a time, early stop, exhaustion, a panic of the iterator
// passed to the caller of next and of stop, runtime.Goexit passed through,
// a yield called out of turn, and the coroutine's goroutine counted.
package main

import (
	"fmt"
	"iter"
	"maps"
	"runtime"
	"slices"
)

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("count: deferred, n =", n)
		for i := range n {
			if !yield(i) {
				fmt.Println("count: stopped early at", i)
				return
			}
		}
	}
}

func earlyStop() {
	next, stop := iter.Pull(count(5))
	for range 2 {
		v, ok := next()
		fmt.Println("next:", v, ok)
	}
	stop()
	stop()
	v, ok := next()
	fmt.Println("after stop:", v, ok)
}

func exhaust() {
	next, stop := iter.Pull(count(2))
	defer stop()
	for {
		v, ok := next()
		if !ok {
			break
		}
		fmt.Println("value", v)
	}
	fmt.Println(next())
}

func pair() {
	m := map[string]int{"x": 1, "y": 2, "z": 3}
	next, stop := iter.Pull2(maps.All(m))
	defer stop()
	var got []string
	for {
		k, v, ok := next()
		if !ok {
			break
		}
		got = append(got, fmt.Sprint(k, "=", v))
	}
	slices.Sort(got)
	fmt.Println(got)
}

func panicking() {
	defer func() { fmt.Println("recovered in caller:", recover()) }()
	next, stop := iter.Pull(func(yield func(string) bool) {
		yield("first")
		panic("iterator broke")
	})
	defer stop()
	fmt.Println(next())
	fmt.Println(next())
	fmt.Println("not reached")
}

func panicOnStop() {
	defer func() { fmt.Println("recovered on stop:", recover()) }()
	next, stop := iter.Pull(func(yield func(int) bool) {
		if !yield(1) {
			panic(fmt.Errorf("cleanup failed"))
		}
	})
	fmt.Println(next())
	stop()
}

func goexiting(done chan bool) {
	defer func() { done <- true }()
	defer fmt.Println("goexit reached the caller's defers; recover:", recover())
	next, stop := iter.Pull(func(yield func(int) bool) {
		defer fmt.Println("iterator's defer runs")
		yield(7)
		runtime.Goexit()
	})
	defer stop()
	fmt.Println(next())
	next()
	fmt.Println("not reached")
}

func misuse() {
	defer func() { fmt.Println("recovered:", recover()) }()
	var yieldFn func(int) bool
	next, _ := iter.Pull(func(yield func(int) bool) {
		yieldFn = yield
		yield(1)
		yield(2)
	})
	next()
	yieldFn(3)
}

func goroutines() {
	before := runtime.NumGoroutine()
	next, stop := iter.Pull(count(3))
	next()
	fmt.Println("goroutines during Pull:", runtime.NumGoroutine()-before)
	stop()
	fmt.Println("goroutines after stop:", runtime.NumGoroutine()-before)
}

func main() {
	earlyStop()
	exhaust()
	pair()
	panicking()
	panicOnStop()
	done := make(chan bool)
	go goexiting(done)
	<-done
	misuse()
	goroutines()
}
