// run
// deft-flags: -gcflags=-d=defer

// -d=defer with defers in range-over-func loop bodies: they are heap
// records, and the enclosing function's own defers are no longer
// open-coded (stack records, or heap records in loops).

package main

import "fmt"

func seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Print("")
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func plain() {
	defer fmt.Println("plain 1")
	for i := range seq(2) {
		defer fmt.Println("plain body", i)
	}
	defer fmt.Println("plain 2")
}

func onlyBody() {
	for i := range seq(2) {
		defer fmt.Println("onlyBody", i)
	}
}

func noBodyDefer() {
	defer fmt.Println("noBodyDefer: still open-coded")
	for i := range seq(2) {
		fmt.Println("noBodyDefer body", i)
	}
}

func inLoop() {
	for k := 0; k < 2; k++ {
		defer fmt.Println("inLoop own", k)
		for i := range seq(1) {
			defer fmt.Println("inLoop body", k, i)
		}
	}
}

func nested() {
	defer fmt.Println("nested own")
	for i := range seq(2) {
		for j := range seq(2) {
			if j == 1 {
				defer fmt.Println("nested body", i, j)
			}
		}
	}
}

func deadInBody() {
	defer fmt.Println("deadInBody own")
	for i := range seq(2) {
		if i >= 0 {
			continue
		}
		return
		defer fmt.Println("never", i)
	}
}

func removedLoop() {
	defer fmt.Println("removedLoop: open-coded")
	if false {
		for i := range seq(2) {
			defer fmt.Println("removed", i)
		}
	}
}

func literal() {
	func() {
		defer fmt.Println("literal own")
		for i := range seq(1) {
			defer func() { fmt.Println("literal body", i) }()
		}
	}()
}

func main() {
	plain()
	onlyBody()
	noBodyDefer()
	inLoop()
	nested()
	deadInBody()
	removedLoop()
	literal()
}
