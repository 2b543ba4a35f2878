// run

// math/bits' panics are runtime errors, the runtime's own values (upstream
// math/bits links overflowError and divideError to the runtime's).
package main

import (
	"fmt"
	"math/bits"
	"runtime"
)

func try(f func()) {
	defer func() {
		r := recover()
		_, isRT := r.(runtime.Error)
		fmt.Printf("%v %T %v\n", r, r, isRT)
	}()
	f()
}

func main() {
	hi, lo := bits.Mul64(1<<63, 6)
	fmt.Println(hi, lo, bits.LeadingZeros64(5), bits.Len(7), bits.OnesCount16(0xff), bits.TrailingZeros8(0))
	q, r := bits.Div64(1, 5, 3)
	fmt.Println(q, r, bits.Rem64(7, 5, 3), bits.Reverse8(1), bits.RotateLeft32(1, -1))
	f := bits.Mul64
	fmt.Println(f(3, 4))
	try(func() { bits.Div64(5, 0, 3) })
	try(func() { bits.Div64(0, 0, 0) })
	try(func() { bits.Div32(5, 0, 3) })
	try(func() { var z int; _ = 1 / z })
	s, c := bits.Add64(1<<63, 1<<63, 1)
	fmt.Println(s, c)
	bits.Div64(2, 0, 2)
}

