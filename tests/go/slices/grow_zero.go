// run

// Arrays that append grows and strings that concatenation and conversion
// build are zero past what they hold, even when their memory held other
// objects before (the runtime leaves uncleared only the bytes it fills at
// once): full-capacity views of appended []byte, []int and struct slices,
// reflect.Value.Grow, slices.Grow, bytes.Clone, after garbage of every size
// has been made and collected.
package main

import (
	"bytes"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"strings"
)

type pair struct {
	a int32
	b int64
}

func garbage(round int) {
	var keep [][]byte
	for size := 1; size < 400000; size = size*3 + 1 {
		b := make([]byte, size)
		for i := range b {
			b[i] = byte(0xa5 + round)
		}
		if size%2 == 0 {
			keep = append(keep, b)
		}
	}
	_ = keep
	runtime.GC()
}

func nonzero[T comparable](s []T) int {
	var zero T
	n := 0
	for _, v := range s {
		if v != zero {
			n++
		}
	}
	return n
}

func main() {
	for round := 0; round < 3; round++ {
		garbage(round)
		var b []byte
		var ints []int
		var ps []pair
		bad := 0
		for i := 0; i < 5000; i++ {
			b = append(b, 1)
			ints = append(ints, 7, 8)
			ps = append(ps, pair{1, 2})
			bad += nonzero(b[len(b):cap(b)]) + nonzero(ints[len(ints):cap(ints)]) + nonzero(ps[len(ps):cap(ps)])
			if i%1000 == 0 {
				garbage(round)
			}
		}
		grown := reflect.ValueOf(&b).Elem()
		grown.Grow(100000)
		g := slices.Grow(ints, 50000)
		c := bytes.Clone(b)
		s := strings.Repeat("xy", 3000) + string(b[:10])
		fmt.Println(round, len(b), bad, nonzero(b[len(b):cap(b)]), nonzero(g[len(g):cap(g)]),
			nonzero(c[len(c):cap(c)]), len(c), len(s), s[5998:], bytes.Count(b, []byte{1}))
	}
}
