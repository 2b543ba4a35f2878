// run

// An unrecovered panic in nested range-over-func bodies: gc's names of
// the body functions (main.g-range1-range1) and of literals in them.

package main

func seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func g() {
	for i := range seq(3) {
		for j := range seq(3) {
			if j == 1 {
				func() { panic(i + j) }()
			}
		}
	}
}

func main() {
	g()
}
