// run

// runtime.Callers, CallersFrames and FuncForPC name the calling functions
// and lines; os.Getenv and LookupEnv read the environment; time.Sleep waits.
package main

import (
	"fmt"
	"math"
	"os"
	"runtime"
	"time"
)

func leaf() []string {
	pcs := make([]uintptr, 10)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var out []string
	for {
		f, more := frames.Next()
		if len(f.Function) < 5 || f.Function[:5] != "main." {
			break
		}
		out = append(out, fmt.Sprintf("%s:%d", f.Function, f.Line))
		if !more {
			break
		}
	}
	return out
}

func middle() []string { return leaf() }

func main() {
	for _, s := range middle() {
		fmt.Println(s)
	}
	pc, _, line, _ := runtime.Caller(0)
	fmt.Println(runtime.FuncForPC(pc).Name(), line)
	_, found := os.LookupEnv("DEFT_SURELY_UNSET_VARIABLE")
	fmt.Println(os.Getenv("DEFT_SURELY_UNSET_VARIABLE") == "", found, os.Getenv("HOME") != "")
	start := time.Now()
	time.Sleep(2 * time.Millisecond)
	fmt.Println(time.Since(start) >= 2*time.Millisecond)
	fmt.Println(math.Copysign(3, -1), math.Copysign(-2, 1))
}
