// run

// Panics and recover with deferred calls of range-over-func loop bodies:
// panics in the body, in the iterator and in deferred calls, recovered by
// the enclosing function's deferred calls or by a body's, and the
// misbehaving-iterator errors raised while body defers are pending.

package main

import "fmt"

func seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("  iterator's defer", n)
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

// An iterator that panics after its second element.
func bad(yield func(int) bool) {
	defer fmt.Println("  bad's defer")
	yield(0)
	yield(1)
	panic("iterator panic")
}

// An iterator that swallows a panic of its loop body.
func swallow(yield func(int) bool) {
	defer func() { fmt.Println("  swallow recovered:", recover()) }()
	yield(0)
	yield(1)
}

// An iterator that ignores a false result and calls yield again.
func ignore(yield func(int) bool) {
	for i := 0; i < 3; i++ {
		yield(i)
	}
}

// An iterator that keeps its yield function and calls it after the loop.
var saved func(int) bool

func keep(yield func(int) bool) {
	saved = yield
	yield(0)
}

func catch(name string, f func()) {
	defer func() { fmt.Println(name, "recovered:", recover()) }()
	f()
}

func bodyPanic() {
	defer fmt.Println("  own defer")
	for i := range seq(5) {
		defer fmt.Println("  body defer", i)
		if i == 2 {
			panic(fmt.Sprint("body panic at ", i))
		}
	}
	fmt.Println("  not reached")
}

func iterPanic() {
	for i := range bad {
		defer fmt.Println("  body defer", i)
	}
	fmt.Println("  not reached")
}

func deferredPanic() {
	defer fmt.Println("  own defer runs too")
	for i := range seq(3) {
		defer func() {
			if i == 1 {
				panic("deferred call panics")
			}
			fmt.Println("  body defer", i)
		}()
	}
}

func bodyRecovers() (r string) {
	defer fmt.Println("  own defer sees", r)
	for i := range seq(3) {
		defer func() {
			if e := recover(); e != nil {
				fmt.Println("  body defer", i, "recovered", e)
				r = "recovered"
			} else {
				fmt.Println("  body defer", i, "found nothing")
			}
		}()
		if i == 2 {
			panic("to recover")
		}
	}
	return "normal"
}

func recoverResumes() (n int) {
	defer func() {
		recover()
		n++
	}()
	for i := range seq(3) {
		defer func() { n += 10 * (i + 1) }()
	}
	panic("resume")
}

func swallowed() {
	for i := range swallow {
		defer fmt.Println("  body defer", i)
		if i == 1 {
			panic("swallowed panic")
		}
	}
}

func ignored() {
	for i := range ignore {
		defer fmt.Println("  body defer", i)
		if i == 0 {
			break
		}
	}
}

func kept() {
	for i := range keep {
		defer fmt.Println("  body defer", i)
	}
	defer fmt.Println("  own defer after the loop")
	saved(1)
}

func nestedPanic() {
	defer func() { fmt.Println("  nestedPanic recovered:", recover()) }()
	for i := range seq(2) {
		defer fmt.Println("  outer body defer", i)
		for j := range seq(2) {
			defer fmt.Println("  inner body defer", i, j)
			if i == 1 && j == 1 {
				panic("inner")
			}
		}
	}
}

func main() {
	catch("bodyPanic", bodyPanic)
	catch("iterPanic", iterPanic)
	catch("deferredPanic", deferredPanic)
	fmt.Println("bodyRecovers returned", bodyRecovers())
	fmt.Println("recoverResumes returned", recoverResumes())
	catch("swallowed", swallowed)
	catch("ignored", ignored)
	catch("kept", kept)
	nestedPanic()
}
