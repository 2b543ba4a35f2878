// An example for the README: defer, panic and recover, a map, a slice,
// sorting and fmt.
package main

import (
	"fmt"
	"sort"
	"strings"
)

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

// safeDiv turns the runtime's divide-by-zero panic into an error.
func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("safeDiv(%d, %d): %v", a, b, r)
		}
	}()
	return a / b, nil
}

func main() {
	defer fmt.Println("deferred: runs last")
	var fibs []string
	for i := 0; i < 10; i++ {
		fibs = append(fibs, fmt.Sprint(fib(i)))
	}
	fmt.Println(strings.Join(fibs, " "))
	if _, err := safeDiv(1, 0); err != nil {
		fmt.Println(err)
	}
	counts := map[string]int{}
	for _, w := range strings.Fields("the quick brown fox jumps over the lazy dog the end") {
		counts[w]++
	}
	words := make([]string, 0, len(counts))
	for w := range counts {
		words = append(words, w)
	}
	sort.Strings(words)
	fmt.Printf("%d distinct words, %q appears %d times, first: %s\n", len(words), "the", counts["the"], words[0])
	fmt.Println("hello, deft")
}
