// run

// Objects reachable only from unusual places survive collections: globals,
// closures, interface values, deferred calls' arguments (open-coded and
// heap records), a panic value in flight, os.Args, map values.
package main

import (
	"fmt"
	"os"
	"runtime"
)

type box struct{ s string }

var global *box
var globalIface interface{}
var globalMap = map[int]*box{}

func churn() {
	for i := 0; i < 2000; i++ {
		_ = &box{fmt.Sprint("garbage", i)}
	}
	runtime.GC()
}

func deferred(b *box, tag string) {
	churn()
	fmt.Println("deferred:", tag, b.s)
}

func openCoded() {
	defer deferred(&box{fmt.Sprint("open", 1)}, "open-coded")
	churn()
}

func inLoop() {
	for i := 0; i < 3; i++ {
		defer deferred(&box{fmt.Sprint("loop", i)}, "heap record")
	}
	churn()
}

func panicky() (r string) {
	defer func() {
		churn()
		r = recover().(*box).s
	}()
	panic(&box{fmt.Sprint("panic", 42)})
}

func main() {
	global = &box{fmt.Sprint("global", 1)}
	globalIface = &box{fmt.Sprint("iface", 2)}
	globalMap[7] = &box{fmt.Sprint("map", 3)}
	f := func() func() string {
		local := &box{fmt.Sprint("local", 4)}
		return func() string { return local.s + "+closure" }
	}()
	os.Args = append(os.Args, fmt.Sprint("arg", 5))
	churn()
	openCoded()
	inLoop()
	fmt.Println(panicky())
	churn()
	fmt.Println(global.s, globalIface.(*box).s, globalMap[7].s, f(), os.Args[len(os.Args)-1])
}
