// run

// The first library packages: os (Args, Stdout, Exit), time, math,
// errors. os.Exit ends the program at once, with deferred calls unrun.
package main

import (
	"errors"
	"math"
	"os"
	"time"
)

type myErr struct{}

func (myErr) Error() string { return "mine" }

func main() {
	println(len(os.Args))
	t := time.Now()
	d := time.Since(t)
	println(d >= 0, d.Nanoseconds() < 1000000000)
	e := errors.New("boom")
	println(e.Error(), errors.Is(e, e), errors.Unwrap(e) == nil)
	println(math.Sqrt(2), math.Pi, math.MaxInt64, math.Inf(1), math.Floor(-2.5))
	os.Stdout.WriteString("hello stdout\n")
	var err error = myErr{}
	println(err.Error())
	defer println("not run")
	os.Exit(3)
}
