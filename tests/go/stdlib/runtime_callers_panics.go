// run

// The frames runtime.Callers and runtime.Caller report between a
// deferred call and the frame that panicked, as gc's runtime has them:
// runtime.sigpanic and runtime.panicmem for a nil dereference,
// runtime.panicdivide, the bounds and type assertion helpers, the channel
// functions, runtime.deferreturn for a nil func in a defer record,
// runtime.Goexit for the deferred calls Goexit makes, and nested panics.

package main

import (
	"fmt"
	"runtime"
	"strings"
)

func base(file string) string { return file[strings.LastIndex(file, "/")+1:] }

// show prints the frames from its caller's caller outward.
func show(name string) {
	pcs := make([]uintptr, 30)
	n := runtime.Callers(2, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var names []string
	for {
		f, more := frames.Next()
		names = append(names, fmt.Sprintf("%s %s:%d", f.Function, base(f.File), f.Line))
		if !more {
			break
		}
	}
	fmt.Printf("%s:\n\t%s\n", name, strings.Join(names, "\n\t"))
	_, file, line, ok := runtime.Caller(3)
	fmt.Println("\tCaller(3):", base(file), line, ok)
}

type I interface{ M() }
type J interface{ N() }
type T struct{}

func (T) M() {}

var (
	zero int
	neg  = -1
	arr  = []int{1, 2}
	e    any = 3
	ii   I   = T{}
)

func try(name string, f func()) {
	defer func() {
		recover()
		show(name)
	}()
	f()
}

func nilDeferOpen() {
	var f func()
	defer f()
}

func nilDeferRecord() {
	for i := 0; i < 1; i++ {
		var f func()
		defer f()
	}
}

func nested() {
	defer func() {
		recover()
		show("nested")
	}()
	defer func() {
		var f func()
		defer f()
		panic("inner")
	}()
	panic("first")
}

func goexit(done chan bool) {
	defer close(done)
	defer show("goexit")
	runtime.Goexit()
}

func main() {
	try("nil dereference", func() { var p *int; _ = *p })
	try("nil func call", func() { var f func(); f() })
	try("divide", func() { _ = 5 / zero })
	try("negative shift", func() { _ = 1 << neg })
	try("index", func() { _ = arr[zero+5] })
	try("slice", func() { _ = arr[:zero+5] })
	try("slice3", func() { _ = arr[1:zero:2] })
	try("string index", func() { s := "ab"; _ = s[zero+5] })
	try("slice to array", func() { _ = [3]int(arr) })
	try("assert any to concrete", func() { _ = e.(string) })
	try("assert iface to concrete", func() { _ = ii.(*T) })
	try("assert any to iface", func() { _ = e.(I) })
	try("assert iface to iface", func() { _ = ii.(J) })
	try("assert nil any to concrete", func() { var x any; _ = x.(int) })
	try("assert nil any to iface", func() { var x any; _ = x.(I) })
	try("close nil", func() { var c chan int; close(c) })
	try("close closed", func() { c := make(chan int); close(c); close(c) })
	try("send closed", func() { c := make(chan int); close(c); c <- 1 })
	try("nil defer, open-coded", nilDeferOpen)
	try("nil defer, record", nilDeferRecord)
	try("plain panic", func() { panic(1) })
	try("range func", func() {
		it := func(yield func(int) bool) { yield(1); yield(2) }
		for range it {
			break
		}
	})
	nested()
	done := make(chan bool)
	go goexit(done)
	<-done
}
