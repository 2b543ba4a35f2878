// run

// Recovered panics raised by the runtime's checks and entry points (a bounds
// check in a value method called through a pointer wrapper, a nil map
// write, a division by zero, a select send on a channel closed while it
// waited) and by deferred calls (open-coded, record and loop defers), with
// callers keeping values live across the protected calls.
package main

import (
	"errors"
	"fmt"
	"strings"
)

type T struct{ n int }

func (t T) Get(i int) int {
	arr := []int{1, 2, 3}
	return arr[i+t.n]
}

type Getter interface{ Get(int) int }

//go:noinline
func protect(f func()) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
			ok = false
		}
	}()
	f()
	return true
}

var sinkMap map[string]int
var zero int

//go:noinline
func mapWrite(k string) { sinkMap[k] = 1 }

//go:noinline
func divide(a int) int { return a / zero }

//go:noinline
func loopDefers(n int) (s int) {
	for i := 0; i < n; i++ {
		defer func(i int) {
			if i == 1 {
				panic(fmt.Sprint("loop defer ", i))
			}
			s += i
		}(i)
	}
	defer func() {
		if r := recover(); r != nil {
			s = -s - 100
		}
	}()
	return 7
}

//go:noinline
func recordRecover(n int) (s int) {
	defer func() {
		if r := recover(); r != nil {
			s += 1000
		}
	}()
	for i := 0; i < n; i++ {
		defer func(i int) {
			if i == 2 {
				panic("in record defer")
			}
			s += i
		}(i)
	}
	return 1
}

func selectSend(v int) {
	ch := make(chan int)
	other := make(chan int)
	go func() {
		var b strings.Builder
		for k := 0; k < 50; k++ {
			b.WriteString("x")
		}
		_ = b.String()
		close(ch)
	}()
	select {
	case ch <- v:
	case <-other:
	}
}

func run(name string, f func(i int)) {
	a, b, c, d, e := 1, 2, 3, 4, 5
	var g Getter = &T{1}
	for i := 0; i < 4; i++ {
		ok := protect(func() { f(i) })
		a, b, c, d, e = b+i, c+a, d*2+e, e+1, a^b^i
		fmt.Println(name, i, ok, a, b, c, d, e, g.Get(i%2))
	}
}

func main() {
	run("iface", func(i int) {
		var g Getter = &T{i}
		_ = g.Get(i)
	})
	run("map", func(i int) {
		if i%2 == 1 {
			mapWrite("k")
		}
	})
	run("div", func(i int) {
		if i%2 == 0 {
			_ = divide(i)
		}
	})
	run("loop", func(i int) { fmt.Println(loopDefers(i + 1)) })
	run("record", func(i int) { fmt.Println(recordRecover(i + 2)) })
	run("select", func(i int) {
		if i%2 == 1 {
			selectSend(i)
		}
	})
	run("errors", func(i int) {
		err := fmt.Errorf("wrap: %w", errors.New("base"))
		if i == 3 {
			panic(err)
		}
	})
}
