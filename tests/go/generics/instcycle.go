// errorcheck

// An instantiation cycle: every instance of f needs f of a longer type,
// which neither gc nor deft (compiling each instance) can compile.

package main

type List[P any] struct{}

func (_ List[P]) m() (_ List[List[P]]) { return }

func f[P any](n int) int {
	if n == 0 {
		return 0
	}
	return f[*P](n - 1)
}

func main() {
	println(f[int](3))
}
