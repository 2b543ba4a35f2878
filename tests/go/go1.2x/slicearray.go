// run

// Slice to array conversions (Go 1.20): the array is a copy; a slice
// shorter than the array panics with gc's message; [0]T of a nil slice is
// fine. Slice to array pointer conversions share the backing array.

package main

import (
	"fmt"
	"runtime"
)

type Quad [4]byte

type Bytes []byte

func convert(s []int, n int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(runtime.Error)
		}
	}()
	switch n {
	case 0:
		fmt.Println([0]int(s))
	case 2:
		fmt.Println([2]int(s))
	case 4:
		fmt.Println([4]int(s))
	}
	return nil
}

func main() {
	s := []int{1, 2, 3}
	a := [3]int(s)
	a[0] = 100 // a copy: s is unchanged
	fmt.Println(a, s)
	p := (*[3]int)(s)
	p[1] = 200 // shares s's array
	fmt.Println(*p, s)
	b := [2]int(s[1:])
	fmt.Println(b, len(b))

	q := Quad(Bytes("abcd"))
	fmt.Println(q, string(q[:]))
	var nilSlice []int
	fmt.Println([0]int(nilSlice), (*[0]int)(nilSlice) == nil)
	fmt.Println([0]int([]int{}), (*[0]int)([]int{}) != nil)

	for _, n := range []int{0, 2, 4} {
		fmt.Println(n, convert(s, n))
	}
	fmt.Println(convert(nil, 2))

	// The operand is evaluated once.
	calls := 0
	get := func() []string { calls++; return []string{"x", "y"} }
	arr := [2]string(get())
	fmt.Println(arr, calls)

	type pair struct{ a, b int }
	ps := []pair{{1, 2}, {3, 4}}
	pa := [2]pair(ps)
	ps[0].a = 9
	fmt.Println(pa, ps)

	// Unrecovered: the program's last words.
	short := s[:2]
	_ = [3]int(short)
}
