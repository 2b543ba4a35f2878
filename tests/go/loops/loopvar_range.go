// run

// range loops with := declare their variables in each iteration (Go
// 1.22); with = they assign existing variables, shared by all iterations.

package main

import "fmt"

type pair struct{ k, v string }

func main() {
	var fs []func() string
	for i, s := range []string{"x", "y", "z"} {
		fs = append(fs, func() string { return fmt.Sprint(i, s) })
	}
	arr := [3]pair{{"a", "1"}, {"b", "2"}, {"c", "3"}}
	for _, p := range arr {
		fs = append(fs, func() string { return p.k + p.v })
	}
	for i := range &arr {
		fs = append(fs, func() string { return fmt.Sprint("ptr-array ", i) })
	}
	for i, r := range "aé" {
		fs = append(fs, func() string { return fmt.Sprint(i, string(r)) })
	}
	for _, f := range fs {
		fmt.Println(f())
	}

	// Assignment form: one variable for the whole loop.
	var i int
	var gs []func() int
	for i = range []int{5, 6, 7} {
		gs = append(gs, func() int { return i })
	}
	for _, g := range gs {
		fmt.Print(g(), " ")
	}
	fmt.Println()

	// The body modifies the iteration variable of its own iteration only.
	var hs []func() int
	for _, v := range []int{1, 2, 3} {
		v *= 10
		hs = append(hs, func() int { return v })
		v++
	}
	for _, h := range hs {
		fmt.Print(h(), " ")
	}
	fmt.Println()

	// Pointers to the iteration variable differ per iteration.
	var ptrs []*string
	for _, s := range []string{"p", "q"} {
		ptrs = append(ptrs, &s)
	}
	fmt.Println(*ptrs[0], *ptrs[1], ptrs[0] != ptrs[1])

	// Map and channel ranges.
	m := map[string]int{"only": 1}
	var ms []func() string
	for k, v := range m {
		ms = append(ms, func() string { return fmt.Sprint(k, v) })
	}
	c := make(chan int, 2)
	c <- 7
	c <- 8
	close(c)
	for x := range c {
		ms = append(ms, func() string { return fmt.Sprint("chan ", x) })
	}
	for _, f := range ms {
		fmt.Println(f())
	}
	defers()
}

func defers() {
	for i, s := range []string{"first", "second", "third"} {
		defer func() { fmt.Println("deferred", i, s) }()
	}
}
