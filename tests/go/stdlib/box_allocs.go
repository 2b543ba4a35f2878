// run

// Values converted to interfaces without allocating, as gc converts
// them: bools, bytes and integers below 256 (and floats whose bits are)
// share a static table, an empty string and a nil slice a zero block;
// other values get a box each.

package main

import (
	"fmt"
	"testing"
)

var sink any

//go:noinline
func boxBool(b bool) any { return b }

//go:noinline
func boxInt(i int) any { return i }

//go:noinline
func boxByte(b byte) any { return b }

//go:noinline
func boxStr(s string) any { return s }

//go:noinline
func boxF(f float64) any { return f }

//go:noinline
func boxSlice(s []int) any { return s }

func main() {
	t, s := true, "hello"
	fmt.Println("bool", testing.AllocsPerRun(100, func() { sink = boxBool(t) }))
	fmt.Println("int small", testing.AllocsPerRun(100, func() { sink = boxInt(7) }))
	fmt.Println("int big", testing.AllocsPerRun(100, func() { sink = boxInt(1000) }))
	fmt.Println("int zero", testing.AllocsPerRun(100, func() { sink = boxInt(0) }))
	fmt.Println("byte", testing.AllocsPerRun(100, func() { sink = boxByte(200) }))
	fmt.Println("str", testing.AllocsPerRun(100, func() { sink = boxStr(s) }))
	fmt.Println("str empty", testing.AllocsPerRun(100, func() { sink = boxStr("") }))
	fmt.Println("float", testing.AllocsPerRun(100, func() { sink = boxF(2.5) }))
	fmt.Println("float zero", testing.AllocsPerRun(100, func() { sink = boxF(0) }))
	fmt.Println("slice nil", testing.AllocsPerRun(100, func() { sink = boxSlice(nil) }))
}
