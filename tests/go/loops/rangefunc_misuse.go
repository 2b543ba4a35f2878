// run

// Misbehaving iterators: the runtime errors gc reports (calling the body
// after it returned false, after it panicked, after the loop ended; an
// iterator swallowing the body's panic), and panics through iterators.

package main

import "fmt"

var saved func(int) bool

// Ignores the body's false.
func ignoring(yield func(int) bool) {
	yield(1)
	yield(2)
}

// Recovers a body panic and goes on calling it.
func swallowAndContinue(yield func(int) bool) {
	defer func() { fmt.Println("iterator done") }()
	for i := 0; i < 3; i++ {
		func() {
			defer func() {
				if r := recover(); r != nil {
					fmt.Println("iterator recovered:", r)
				}
			}()
			yield(i)
		}()
	}
}

// Recovers a body panic and returns normally.
func swallow(yield func(int) bool) {
	defer func() { fmt.Println("swallow recovered:", recover()) }()
	yield(1)
}

// Keeps the body for later.
func keep(yield func(int) bool) {
	saved = yield
	yield(0)
}

// A panic in the iterator itself.
func broken(yield func(int) bool) {
	yield(7)
	panic("iterator broke")
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%s: %v\n", name, r)
		if e, ok := r.(error); ok {
			fmt.Printf("  is error: %T %v\n", e, e.Error())
		}
	}()
	f()
}

func main() {
	try("break then called again", func() {
		for i := range ignoring {
			fmt.Println("body", i)
			break
		}
	})
	try("return then called again", func() {
		func() int {
			for i := range ignoring {
				return i
			}
			return 0
		}()
	})
	try("panic then called again", func() {
		for i := range swallowAndContinue {
			panic(fmt.Sprint("body panic ", i))
		}
	})
	try("panic swallowed", func() {
		for i := range swallow {
			panic(fmt.Sprint("body panic ", i))
		}
	})
	try("called after the loop", func() {
		for i := range keep {
			fmt.Println("keep body", i)
		}
		saved(5)
	})
	try("iterator panics", func() {
		for i := range broken {
			fmt.Println("broken body", i)
		}
	})
	try("body panics", func() {
		for i := range keep {
			panic(i + 100)
		}
	})
}
