// run

// The frames runtime.Caller and runtime.Callers report as gc does: a
// deferred call made by a panic is called from runtime.gopanic, and
// main.main from runtime.main, then runtime.goexit.

package main

import (
	"fmt"
	"runtime"
	"strings"
)

func base(file string) string { return file[strings.LastIndex(file, "/")+1:] }

func g() {
	for i := 0; ; i++ {
		pc, file, line, ok := runtime.Caller(i)
		if !ok {
			fmt.Println(i, "done")
			break
		}
		fmt.Println(i, runtime.FuncForPC(pc).Name(), base(file), line)
	}
	pcs := make([]uintptr, 10)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(1, pcs)])
	for {
		f, more := frames.Next()
		fmt.Println(" ", f.Function, base(f.File), f.Line)
		if !more {
			break
		}
	}
	recover()
}

func f() {
	defer g()
	panic("panic")
}

func h() {
	defer g()
}

func main() {
	f()
	h()
}
