// run

// Scenario of Go issue 37688: a function with a heap-allocated defer (in a
// loop) and two stack-allocated defers of method calls, which then calls a
// function with many arguments and recurses deeply enough to grow the
// stack; the saved receivers and arguments must survive, repeatedly.
package main

type acc struct{ calls, sum int }

func (a *acc) method1()      { a.calls++ }
func (a *acc) method2(k int) { a.sum += k }

var total acc

func many(p *acc, a, b, c, d, e, f, g, h, i int) int {
	return a + b + c + d + e + f + g + h + i + p.calls
}

func deep(n int) int {
	var pad1, pad2, pad3, pad4 int = n, n + 1, n + 2, n + 3
	if n == 0 {
		return 0
	}
	return deep(n-1) + (pad1+pad2+pad3+pad4)%2
}

func g2(k int) {
	ap := &total
	for i := 0; i < 1; i++ {
		defer ap.method1()
	}
	defer ap.method2(k)
	defer ap.method1()
	many(ap, 1, 2, 3, 4, 5, 6, 7, 8, 9)
	deep(2000)
}

func g3(k int) { g2(k) }

func main() {
	for j := 0; j < 10; j++ {
		g2(j)
		g3(100)
	}
	println(total.calls, total.sum)
}
