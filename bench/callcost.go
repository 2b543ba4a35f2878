// callcost: what a call costs inside a function that has a defer, against
// the same call in a function without one (issue 4: at most 10% more).
//
// Four functions: with and without a defer, each making 0 or 32 calls. The
// per-call cost is the slope, (32-call - 0-call) / 32. Each function is
// timed in several interleaved rounds and its fastest round is kept. On
// this class of machine the fixed part of a function's time (its prologue,
// the defer's bookkeeping) settles, per process and per function, in one
// of two states about 1 ns apart, for gc's code as for deft's; with few
// calls that noise would dominate the slope (at 8 calls it moves the
// result by about 10 points), at 32 it is a few percent. Prints
// "NAME ns/op" lines.
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
func plain32(n int) {
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
}

//go:noinline
func defer0(n int) { defer work(1) }

//go:noinline
func defer32(n int) {
	defer work(1)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
	work(n)
}

func timeLoop(n int, f func(i int)) float64 {
	start := time.Now()
	for i := 0; i < n; i++ {
		f(i)
	}
	return float64(time.Since(start).Nanoseconds()) / float64(n)
}

func main() {
	n := 10000000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	names := []string{"plain-0-calls", "plain-32-calls", "defer-0-calls", "defer-32-calls"}
	funcs := []func(int){plain0, plain32, defer0, defer32}
	best := []float64{0, 0, 0, 0}
	for round := 0; round < 5; round++ {
		for k, f := range funcs {
			ns := timeLoop(n, f)
			if round == 0 || ns < best[k] {
				best[k] = ns
			}
		}
	}
	for k, name := range names {
		fmt.Printf("%-20s %8.2f ns/op\n", name, best[k])
	}
	plain, deferred := (best[1]-best[0])/32, (best[3]-best[2])/32
	fmt.Printf("%-20s %8.2f ns/op\n", "call-plain", plain)
	fmt.Printf("%-20s %8.2f ns/op\n", "call-in-defer-func", deferred)
	fmt.Printf("%-20s %8.2f %%\n", "extra", (deferred/plain-1)*100)
}
