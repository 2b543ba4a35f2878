// run
// deft-flags: -gcflags=-d=defer

// Defer sites inside function literals and methods are reported at their
// own positions, including a deferred call whose function is itself a
// closure call result.
package main

type T struct{ n int }

func (t *T) bump() { t.n++ }

func (t *T) twice() {
	defer t.bump()
	defer t.bump()
}

func maker() func() {
	return func() { println("made") }
}

func main() {
	t := &T{}
	t.twice()
	f := func() {
		defer t.bump()
		for i := 0; i < 1; i++ {
			defer t.bump()
		}
	}
	f()
	defer maker()()
	println(t.n)
}
