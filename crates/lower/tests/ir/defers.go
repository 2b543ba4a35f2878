// Defer sites: kinds decided per function; deferred builtins call wrappers
// named as gc names them (main.builtins.func2 is `defer panic` below: the
// literal is func1, then wrappers in statement order, as gc 1.19's
// traceback shows); `defer recover()`'s wrapper recovers for the deferrer.

package main

type T struct{ n int }

func (t T) show()  { println(t.n) }
func (t *T) bump() { t.n++ }

func builtins() {
	defer func() { recover() }()
	defer panic("p")
	defer println("x", 1)
	defer recover()
}

func methods() {
	var t T
	defer t.show()
	defer t.bump()
	f := t.show
	defer f()
}

func loops(n int) (r int) {
	defer func() { r++ }()
	for i := 0; i < n; i++ {
		defer println(i)
	}
	return n
}

func main() {
	builtins()
	methods()
	loops(2)
}
