// run

// min and max (Go 1.21): constant folding with untyped and typed
// constants, mixed operands, integers at their limits, strings compared
// bytewise, and the spec's float rules (NaN wins, -0 < +0).

package main

import (
	"fmt"
	"math"
)

type Celsius float64

type Name string

const (
	a = min(1, 2.5)         // untyped float constant 1
	b = max(1, 2.5, 'a')    // untyped float constant 97
	c = min(3, 1<<70, 2)    // untyped int constant
	d = max("apple", "b")   // untyped string constant
	e int8 = max(-128, 127) // typed by the declaration
	f = max(int16(7), 300)  // typed: the untyped operand converts
	g = min(1 << 70)        // one operand
	h = max(1e300*1e300, 1) // exact arithmetic: no overflow to +Inf
)

var arr [max(2, 3)]int

var calls []string

func val(name string, v int) int {
	calls = append(calls, name)
	return v
}

func main() {
	fmt.Println(a, b, d, e, f)
	fmt.Printf("%T %T %T %T\n", a, d, e, f)
	fmt.Println(c == 2, g > 1<<69, h > 1e599, len(arr))
	var x float32 = min(1, 2.5)
	fmt.Println(x, float64(b)/2)

	// Integers.
	i, j, k := 3, -7, 5
	fmt.Println(min(i, j, k), max(i, j, k), min(i), max(j))
	fmt.Println(min(i, 10), max(j, -100), min(2, i), max(0, j, 1))
	var u8 uint8 = 200
	fmt.Println(min(u8, 255), max(u8, 100), max(u8, u8+100))
	var i64 int64 = math.MinInt64
	fmt.Println(min(i64, 0), max(i64, math.MaxInt64), min(int64(math.MaxInt64), i64+1))
	var u64 uint64 = math.MaxUint64
	fmt.Println(min(u64, 1), max(u64, 1), max(uint(1), 2))
	var i8 int8 = -128
	fmt.Println(min(i8, 127), max(i8, -1))

	// Strings: bytewise.
	s1, s2, s3 := "abc", "abd", "ab"
	fmt.Println(min(s1, s2, s3), max(s1, s2, s3), min(s1, ""), max("é", "z"))
	fmt.Println(min(Name("bob"), "alice"), max(Name("bob"), "carol"))

	// Floats.
	nan := math.NaN()
	inf := math.Inf(1)
	zero := 0.0
	negz := math.Copysign(0, -1)
	fmt.Println(min(nan, 1), max(nan, 1), min(1, nan), max(1, nan), min(inf, nan, -inf))
	fmt.Println(min(-inf, 1), max(inf, 1), min(2.5, 1.5, 3.5), max(2.5, 1.5, 3.5))
	fmt.Println(math.Signbit(min(negz, zero)), math.Signbit(min(zero, negz)))
	fmt.Println(math.Signbit(max(negz, zero)), math.Signbit(max(zero, negz)))
	fmt.Println(math.Signbit(min(negz, negz)), math.Signbit(max(zero, zero)))
	fmt.Println(1/min(negz, zero), 1/max(negz, zero))
	var f32 float32 = 1.5
	n32 := float32(nan)
	fmt.Println(min(f32, 2), max(f32, 2), min(f32, n32) != min(f32, n32), max(n32, f32) != max(n32, f32))
	fmt.Println(min(Celsius(-3.5), 2), max(Celsius(10), Celsius(20)))
	fmt.Printf("%T\n", max(Celsius(10), 20))
	fmt.Println(min(zero, 1) + 0.25)

	// Operands are evaluated left to right, each once.
	fmt.Println(min(val("a", 4), val("b", 2), val("c", 3)), calls)
	calls = nil
	fmt.Println(max(val("x", 1), 5, val("y", 9)), calls)

	// min and max are ordinary identifiers: they can be shadowed.
	{
		min := func(a, b string) string { return a + b }
		max := 10
		fmt.Println(min("mi", "n"), max)
	}

	// In a constant-only context, and as an untyped constant operand.
	const big = max(1, 2) << 62
	fmt.Println(uint64(big), min(1.5, 2)*2)
}
