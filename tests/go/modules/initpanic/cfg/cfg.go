package cfg

import (
	"fmt"
	"runtime"
	"strings"
)

var Limit = compute(3)

//go:noinline
func compute(n int) int {
	pc := make([]uintptr, 32)
	frames := runtime.CallersFrames(pc[:runtime.Callers(1, pc)])
	for {
		f, more := frames.Next()
		if strings.HasPrefix(f.Function, "example.com/") || strings.HasPrefix(f.Function, "main.") {
			fmt.Println("cfg: called from", f.Function)
		}
		if !more {
			break
		}
	}
	return n * 7
}
