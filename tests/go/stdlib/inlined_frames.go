// run

// Frames of inlined calls as gc shows them. Functions small enough for
// both compilers to inline, each with a call in it, show as frames of
// their own in runtime.Caller and FuncForPC, in runtime.Callers with
// CallersFrames (an inlined frame has no Func; a single pc of an inlined
// call still gives the frames it is inlined into), and in a panic's
// traceback (`f(...)`, without an offset); a panic raised in a call
// inlined into a function with defers is recovered there.

package main

import (
	"fmt"
	"runtime"
	"strings"
)

func base(file string) string { return file[strings.LastIndex(file, "/")+1:] }

//go:noinline
func report(skip int) {
	pc, file, line, ok := runtime.Caller(skip)
	fmt.Println(skip, runtime.FuncForPC(pc).Name(), base(file), line, ok)
}

func inner(skip int) { report(skip) }

func outer(skip int) { inner(skip) }

func print(frames *runtime.Frames) {
	for {
		f, more := frames.Next()
		fmt.Println(" ", f.Function, base(f.File), f.Line, f.Func != nil)
		if !more {
			break
		}
	}
}

//go:noinline
func stack() {
	pcs := make([]uintptr, 16)
	print(runtime.CallersFrames(pcs[:runtime.Callers(1, pcs)]))
	fmt.Println("one pc:")
	print(runtime.CallersFrames(pcs[:runtime.Callers(2, pcs[:1])]))
}

func viaInlined() { stack() }

func at(s []int, i int) int { return s[i] }

func deep(s []int, i int) int { return at(s, i) + 1 }

func safe(s []int, i int) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return deep(s, i), nil
}

func main() {
	for skip := 1; skip <= 3; skip++ {
		outer(skip)
	}
	viaInlined()
	s := []int{1, 2, 3}
	fmt.Println(safe(s, 1))
	fmt.Println(safe(s, 7))
	fmt.Println(deep(s, 9))
}
