// rangefunc_defer: defer in a range-over-func loop body (Go 1.23), the
// deferred calls attached to the enclosing function. Each case prints
// "NAME ns/op" (one op: one call of the function running the loop).
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

var sink int

//go:noinline
func work(n int) { sink += n }

func upTo(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

var one, four = upTo(1), upTo(4)

//go:noinline
func rangeNoDefer() {
	for i := range four {
		work(i)
	}
}

//go:noinline
func rangeDefer1() {
	for i := range one {
		defer work(i)
	}
}

//go:noinline
func rangeDefer4() {
	for i := range four {
		defer work(i)
	}
}

//go:noinline
func rangeDeferClosure4() {
	x := 1
	for i := range four {
		defer func() { sink += x + i }()
	}
}

//go:noinline
func rangeDeferOwn4() {
	defer work(1)
	for i := range four {
		defer work(i)
	}
}

func measure(name string, n int, f func(i int)) {
	start := time.Now()
	for i := 0; i < n; i++ {
		f(i)
	}
	el := time.Since(start)
	fmt.Printf("%-22s %8.2f ns/op\n", name, float64(el.Nanoseconds())/float64(n))
}

func main() {
	n := 5000000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	measure("range-no-defer", n, func(i int) { rangeNoDefer() })
	measure("range-defer-1", n, func(i int) { rangeDefer1() })
	measure("range-defer-4", n, func(i int) { rangeDefer4() })
	measure("range-defer-closure-4", n, func(i int) { rangeDeferClosure4() })
	measure("range-defer-own-4", n, func(i int) { rangeDeferOwn4() })
}
