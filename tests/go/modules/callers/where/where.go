package whereabouts

import (
	"fmt"
	"runtime"
	"strings"
)

// Here describes its caller (skip 0) or its caller's caller (skip 1):
// function name, file and line.
//
//go:noinline
func Here(skip int) string {
	pc, file, line, ok := runtime.Caller(skip + 1)
	if !ok {
		return "?"
	}
	name := runtime.FuncForPC(pc).Name()
	return fmt.Sprintf("%s %s:%d", name, short(file), line)
}

// short keeps the last two elements of a file's path.
func short(file string) string {
	dir := file[:strings.LastIndexByte(file, '/')]
	return file[strings.LastIndexByte(dir, '/')+1:]
}

type Probe struct{}

//go:noinline
func (p *Probe) Name() string { return Here(0) }

func Closure() func() string {
	return func() string { return Here(0) }
}

// Stack lists the functions on the stack below it, down to main.main.
//
//go:noinline
func Stack() []string {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var out []string
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "runtime.") {
			out = append(out, fmt.Sprintf("%s %s:%d", f.Function, short(f.File), f.Line))
		}
		if !more {
			return out
		}
	}
}
