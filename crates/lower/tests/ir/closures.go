// Closures: captured variables live in heap cells (a fresh one per
// declaration executed); names as gc's tracebacks print them:
// main.main.func1, nested main.main.func1.1, package-level
// main.init.func1 (gc 1.27; gc 1.19 said main.glob..func1), in init
// functions main.init.0.func1.

package main

var g = func() int { return 1 }

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func main() {
	c := counter()
	println(c(), c(), g())
	for i := 0; i < 2; i++ {
		x := i
		func() {
			func() { println(x, i) }()
		}()
	}
}

func init() {
	func() {}()
}
