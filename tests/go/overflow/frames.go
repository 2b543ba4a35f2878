// run

// Overflows through frames of other shapes: a method with a local array
// (the fault comes from a store into the new frame or its push) reached
// through an interface, and a closure calling itself through a variable,
// in a goroutine (deft's goroutine stacks are smaller than main's: less
// memory to touch) while main waits.

package main

type walker interface {
	walk(n int) int
}

type T struct{ k int }

func (t *T) walk(n int) int {
	var a [16]int
	a[n%16] = n
	if n < 0 {
		return a[3]
	}
	var w walker = t
	return w.walk(n+1) + a[n%16]
}

func main() {
	var rec func(n int) int
	rec = func(n int) int {
		if n == 1000 {
			return (&T{k: n}).walk(0)
		}
		return rec(n+1) + 1
	}
	done := make(chan int)
	go func() {
		done <- rec(0)
	}()
	println(<-done)
}
