// run

// string(b) of a byte slice read by a map lookup, a deletion or a comparison
// borrows the bytes (no allocation, as gc), while an insertion copies them;
// a call among the operands runs first, as in gc's order.

package main

import (
	"fmt"
	"testing"
)

var m = map[string]int{"ab": 1, "cd": 2}

func mut(b []byte) string { b[0] = 'c'; b[1] = 'd'; return "cd" }

func main() {
	b := []byte("ab")
	fmt.Println(m[string(b)], string(b) == "ab", string(b) < "b")
	v, ok := m[string(b)]
	fmt.Println(v, ok)
	// The call is evaluated first (gc's order): the conversion sees its change.
	fmt.Println(string(b) == mut(b), m[string(b)])
	delete(m, string(b))
	fmt.Println(len(m))
	m[string(b)] = 5
	b[0] = 'x'
	fmt.Println(m, string(b))
	n := testing.AllocsPerRun(100, func() {
		_ = m[string(b)]
		if string(b) == "zz" {
			panic(1)
		}
	})
	fmt.Println(n)
}
