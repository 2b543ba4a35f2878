// run

// The three-clause loop's per-iteration copy: the next iteration's
// variable is a copy of the previous one made before the post statement,
// so changes in the body carry over, the post statement acts on the new
// copy, and `continue` takes the same path.

package main

import "fmt"

func main() {
	var get []func() int
	var set []func(int)
	for i := 0; i < 6; i++ {
		get = append(get, func() int { return i })
		set = append(set, func(v int) { i = v })
		if i%2 == 0 {
			i++ // seen by this iteration's closures, and copied into the next
			continue
		}
	}
	for k, g := range get {
		fmt.Println("get", k, g())
	}
	set[0](100)
	fmt.Println("after set[0]:", get[0](), get[1]())

	// Two variables, one captured: only the captured one is renewed,
	// both keep counting.
	var fs []func() (int, int)
	for i, j := 0, 10; i < 3; i, j = i+1, j-1 {
		fs = append(fs, func() (int, int) { return i, j })
	}
	for _, f := range fs {
		fmt.Println(f())
	}

	// Address taken in the condition and post statement.
	var ps []*int
	for i := 0; len(ps) < 3 && i < 10; i++ {
		ps = append(ps, &i)
	}
	for _, p := range ps {
		fmt.Print(*p, " ")
	}
	fmt.Println()

	// Labeled continue from a nested loop renews the outer variable.
	var outer []func() int
Outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 1 {
				outer = append(outer, func() int { return i*10 + j })
				continue Outer
			}
		}
	}
	for _, f := range outer {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	// A struct variable captured and modified through a method.
	type acc struct{ n, sum int }
	var accs []*acc
	for a := (acc{}); a.n < 3; a.n++ {
		a.sum += a.n
		accs = append(accs, &a)
	}
	for _, a := range accs {
		fmt.Println(*a)
	}

	// Deferred closures see their own iteration; run when f returns.
	f()
	// Goroutines each with their own variable.
	ch := make(chan int)
	for i := 0; i < 3; i++ {
		go func() { ch <- i * 100 }()
	}
	sum := 0
	for range 3 {
		sum += <-ch
	}
	fmt.Println("goroutines", sum)
}

func f() {
	for i := 0; i < 3; i++ {
		defer func() { fmt.Println("deferred", i) }()
	}
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred value", i)
	}
}
