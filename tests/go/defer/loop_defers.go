// run

// Defers inside a loop each get their own record (heap-allocated in gc)
// and run in reverse order at function exit, with the arguments each
// iteration passed.
package main

func countdown(n int) {
	for i := 0; i < n; i++ {
		defer println("loop defer", i)
	}
	println("loop finished")
}

func closures(n int) (sum int) {
	for i := 1; i <= n; i++ {
		defer func(k int) { sum += k * 10 }(i)
		defer func() { sum++ }()
	}
	return 0
}

func labeled() {
	i := 0
again:
	defer println("goto defer", i)
	i++
	if i < 3 {
		goto again
	}
}

func main() {
	countdown(4)
	println(closures(3))
	labeled()
	for j := 0; j < 2; j++ {
		func() {
			defer println("inner func defer", j)
		}()
	}
}
