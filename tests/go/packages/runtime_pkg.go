// run

// Package runtime: runtime.Error values from run-time panics, Caller's
// line numbers, and the constants.
package main

import "runtime"

func where() int {
	_, _, line, ok := runtime.Caller(1)
	if !ok {
		return -1
	}
	return line
}

func divide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			re, ok := r.(runtime.Error)
			println("runtime.Error?", ok)
			err = re
		}
	}()
	return a / b, nil
}

type notRuntime struct{}

func (notRuntime) Error() string { return "plain" }

func main() {
	println(runtime.GOOS, runtime.GOARCH, runtime.Compiler, runtime.NumGoroutine())
	println("called from line", where())
	_, _, line, _ := runtime.Caller(0)
	println("here is line", line)
	_, err := divide(1, 0)
	println(err.Error())
	var e error = notRuntime{}
	_, ok := e.(runtime.Error)
	println("plain error is runtime.Error?", ok)
	runtime.GC()
	runtime.Gosched()
	println(runtime.GOMAXPROCS(0) == runtime.NumCPU())
	_, _, _, ok = runtime.Caller(100)
	println("Caller(100) ok?", ok)
}
