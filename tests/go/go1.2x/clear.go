// run

// clear (Go 1.21): a map loses every entry, NaN keys included; a slice's
// elements up to its length become zero values, and nothing beyond; clear
// of nil is a no-op; clear runs as a statement, deferred (its operand
// evaluated at the defer) and in a goroutine.

package main

import (
	"fmt"
	"math"
	"runtime"
)

type point struct {
	x, y int
	name string
	next *point
}

func mapClear() {
	m := map[float64]string{1: "one", 2: "two"}
	nan := math.NaN()
	m[nan] = "a"
	m[nan] = "b" // NaN != NaN: a second entry
	fmt.Println(len(m))
	clear(m)
	fmt.Println(len(m), m[1] == "", m)
	m[3] = "three" // still usable, and not nil
	fmt.Println(len(m), m)
	clear(m)
	clear(m) // twice
	fmt.Println(len(m))

	var nilMap map[string]int
	clear(nilMap) // no-op, no panic
	fmt.Println(nilMap == nil, len(nilMap))

	// A clear during iteration: no entry is produced afterwards.
	big := map[int]int{}
	for i := 0; i < 100; i++ {
		big[i] = i
	}
	n := 0
	for range big {
		n++
		clear(big)
	}
	fmt.Println(n, len(big))

	// The map is shared: every alias sees it cleared.
	alias := map[string][]int{"a": {1}, "b": {2}}
	other := alias
	clear(alias)
	fmt.Println(len(other))
}

func sliceClear() {
	s := []int{1, 2, 3, 4, 5}
	clear(s[1:3])
	fmt.Println(s)
	t := s[:2]
	clear(t) // only up to len, not cap
	fmt.Println(s, len(t), cap(t))
	ps := []point{{1, 2, "a", nil}, {3, 4, "b", &point{}}}
	clear(ps)
	fmt.Println(ps[0] == point{}, ps[1] == point{}, ps[1].next == nil)
	strs := []string{"x", "y"}
	clear(strs)
	fmt.Printf("%q\n", strs)
	var nilSlice []int
	clear(nilSlice)
	fmt.Println(nilSlice == nil)
	arr := [4]float64{1, 2, 3, 4}
	clear(arr[:])
	fmt.Println(arr)
	ifs := []any{1, "two", nil, 3.0}
	clear(ifs[2:])
	clear(ifs[:1])
	fmt.Println(ifs)
	empty := []struct{}{{}, {}}
	clear(empty)
	fmt.Println(len(empty))
}

func deferred() (m map[string]int, s []byte) {
	m = map[string]int{"k": 1}
	s = []byte("hello")
	defer clear(m)
	defer clear(s[1:])
	other := m
	m = map[string]int{"fresh": 2} // the deferred clear has the old map
	fmt.Println(len(other), len(m))
	defer func() {
		fmt.Println("before the deferred clears:", len(other), string(s))
	}()
	return m, s
}

func inGoroutine() {
	// One P: the goroutines run only when main yields.
	runtime.GOMAXPROCS(1)
	s := []int{7, 8, 9}
	m := map[int]bool{1: true}
	go clear(s)
	go clear(m)
	fmt.Println(s, len(m))
	for len(m) != 0 || s[0] != 0 {
		runtime.Gosched()
	}
	fmt.Println(s, len(m))
}

func main() {
	mapClear()
	sliceClear()
	m, s := deferred()
	fmt.Println(len(m), s)
	inGoroutine()
}
