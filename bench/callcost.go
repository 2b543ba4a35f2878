// callcost: what a call costs inside a function that has a defer, against
// the same call in a function without one (issue 4: at most 10% more).
// Each case prints "NAME ns/op"; the per-call cost is the difference
// between the 4-call and the 0-call variant, divided by 4.
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

//go:noinline
func plain0(n int) {}

//go:noinline
func plain4(n int) {
	work(n)
	work(n)
	work(n)
	work(n)
}

//go:noinline
func defer0(n int) { defer work(1) }

//go:noinline
func defer4(n int) {
	defer work(1)
	work(n)
	work(n)
	work(n)
	work(n)
}

func measure(name string, n int, f func(i int)) float64 {
	start := time.Now()
	for i := 0; i < n; i++ {
		f(i)
	}
	ns := float64(time.Since(start).Nanoseconds()) / float64(n)
	fmt.Printf("%-20s %8.2f ns/op\n", name, ns)
	return ns
}

func main() {
	n := 20000000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	p0 := measure("plain-0-calls", n, func(i int) { plain0(i) })
	p4 := measure("plain-4-calls", n, func(i int) { plain4(i) })
	d0 := measure("defer-0-calls", n, func(i int) { defer0(i) })
	d4 := measure("defer-4-calls", n, func(i int) { defer4(i) })
	plain, deferred := (p4-p0)/4, (d4-d0)/4
	fmt.Printf("%-20s %8.2f ns/op\n", "call-plain", plain)
	fmt.Printf("%-20s %8.2f ns/op\n", "call-in-defer-func", deferred)
	fmt.Printf("%-20s %8.2f %%\n", "extra", (deferred/plain-1)*100)
}
