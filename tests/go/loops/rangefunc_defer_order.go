// run

// defer in a range-over-func loop body: the deferred calls belong to the
// function containing the loop and run when it returns, in gc's order
// relative to its own defers and across iterations and nested loops.

package main

import (
	"fmt"
	"runtime"
	"strings"
)

func seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("  seq", n, "done")
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func pairs(n int) func(func(int, string) bool) {
	return func(yield func(int, string) bool) {
		for i := 0; i < n; i++ {
			if !yield(i, strings.Repeat("*", i+1)) {
				return
			}
		}
	}
}

func note(s string, i int) { fmt.Println("  deferred", s, i) }

func iterations() {
	fmt.Println("iterations")
	defer fmt.Println("  own defer before the loop")
	for i := range seq(3) {
		defer note("body", i)
		fmt.Println("  body", i)
	}
	defer fmt.Println("  own defer after the loop")
	fmt.Println("  end of function")
}

func nested() {
	fmt.Println("nested")
	for i := range seq(2) {
		defer note("outer body", i)
		for j, s := range pairs(2) {
			defer fmt.Println("  deferred inner body", i, j, s)
		}
		defer note("outer body again", i)
	}
}

func twoLoops() {
	fmt.Println("two loops")
	for i := range seq(2) {
		defer note("first loop", i)
	}
	defer fmt.Println("  between")
	for i := range seq(2) {
		defer note("second loop", i)
	}
}

func inForLoop() {
	fmt.Println("in a for loop")
	for k := 0; k < 2; k++ {
		defer note("own defer in for", k)
		for i := range seq(2) {
			defer note("body", 10*k+i)
		}
	}
}

func early() (r int) {
	fmt.Println("early exits")
	defer func() { fmt.Println("  result seen by own defer", r) }()
outer:
	for i := range seq(4) {
		for j := range seq(4) {
			defer func() { r += 100; fmt.Println("  body defer", i, j, r) }()
			if j == 1 {
				continue outer
			}
			if i == 2 {
				break outer
			}
		}
	}
	for i := range seq(5) {
		defer note("before return", i)
		if i == 1 {
			return 7
		}
	}
	return -1
}

func breaks() {
	fmt.Println("break")
	for i := range seq(5) {
		defer note("break", i)
		if i == 2 {
			break
		}
	}
	fmt.Println("  after the loop")
}

func literal() {
	fmt.Println("function literal")
	f := func() {
		defer fmt.Println("  literal's own defer")
		for i := range seq(2) {
			defer note("literal body", i)
		}
		fmt.Println("  literal returns")
	}
	f()
	fmt.Println("  back in literal's caller")
}

func values() {
	fmt.Println("values")
	x := 1
	for i := range seq(3) {
		x *= 10
		defer func(v int) { fmt.Println("  arg", v, "now", x, i) }(x)
	}
	x = -1
}

func caller() {
	fmt.Println("caller")
	for i := range seq(1) {
		defer func() {
			pc, file, line, ok := runtime.Caller(0)
			_, file1, line1, _ := runtime.Caller(1)
			fmt.Println("  ", runtime.FuncForPC(pc).Name(), file[strings.LastIndex(file, "/")+1:], line, ok, i)
			fmt.Println("  called from", file1[strings.LastIndex(file1, "/")+1:], line1)
		}()
	}
}

func main() {
	iterations()
	nested()
	twoLoops()
	inForLoop()
	fmt.Println("early returned", early())
	breaks()
	literal()
	values()
	caller()
}
