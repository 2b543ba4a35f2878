// Package calc is tested by go test in local directory mode: all pass.
package calc

func Add(a, b int) int { return a + b }

func Fib(n int) int {
	if n < 2 {
		return n
	}
	return Fib(n-1) + Fib(n-2)
}
