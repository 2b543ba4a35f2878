// run

// goto out of a range-over-func loop body to a label of the enclosing
// function (or of an enclosing loop body): every iterator in between
// stops, as after a labeled break, and pending body defers wait for the
// function's return.

package main

import "fmt"

func seq(name string, n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("  iterator", name, "stops")
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("  iterator", name, "told to stop at", i)
				return
			}
		}
	}
}

func forward() {
	fmt.Println("forward")
	for i := range seq("a", 5) {
		if i == 2 {
			goto done
		}
		fmt.Println("  body", i)
	}
	fmt.Println("  not reached")
done:
	fmt.Println("  at done")
}

func backward() {
	fmt.Println("backward")
	tries := 0
again:
	tries++
	for i := range seq("b", 3) {
		defer fmt.Println("  deferred", tries, i)
		if i == 1 && tries < 3 {
			goto again
		}
	}
	fmt.Println("  tries", tries)
}

func nested() (r int) {
	fmt.Println("nested")
	for i := range seq("outer", 3) {
		for j := range seq("inner", 3) {
			if j == 1 {
				goto nextOuter
			}
			if i == 2 {
				goto out
			}
			r += 10
		}
		fmt.Println("  not reached", i)
	nextOuter:
		fmt.Println("  next outer", i)
	}
out:
	fmt.Println("  out", r)
	return r
}

func fromSwitch(k int) string {
	for i := range seq("s", 4) {
		switch {
		case i == k:
			goto found
		}
	}
	return "none"
found:
	return fmt.Sprint("found ", k)
}

func main() {
	forward()
	backward()
	fmt.Println("nested returned", nested())
	fmt.Println(fromSwitch(2))
	fmt.Println(fromSwitch(9))
}
