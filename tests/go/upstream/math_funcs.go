// run

// Upstream math: the functions deft serves from the runtime (floor, ceil,
// trunc, max, min with their special cases, hypot, exp, log), the
// intrinsics (Sqrt, also as a func value, Abs, the bit conversions), and
// Go's own code for the rest (Sin, Asin, Gamma, Cbrt, Sincos, ...).

package main

import (
	"fmt"
	"math"
)

func main() {
	xs := []float64{0, -0.0, 0.5, 1, 2, 10, 1e-300, 1e300, -3.7, math.Inf(1), math.Inf(-1), math.NaN(), math.Pi}
	for _, x := range xs {
		fmt.Println(x, math.Sqrt(x), math.Abs(x), math.Floor(x), math.Ceil(x), math.Trunc(x), math.Exp(x), math.Log(x), math.Sin(x), math.Cos(x), math.Tan(x), math.Atan(x), math.Asin(x), math.Asinh(x), math.Cbrt(x), math.Gamma(x))
		fmt.Println(math.Max(x, 1), math.Min(x, 1), math.Hypot(x, 3), math.Pow(x, 1.5), math.Mod(x, 3), math.Float64bits(x), math.Float32bits(float32(x)), math.Log2(x), math.Log10(x), math.Atan2(x, 2))
	}
	f := math.Sqrt
	fmt.Println(f(2), math.Float64frombits(0x4000000000000000), math.Float32frombits(0x40000000))
	s, c := math.Sincos(1)
	fmt.Println(s, c, math.Max(math.Inf(1), math.NaN()), math.Min(math.NaN(), math.Inf(-1)), math.Max(-0.0, 0), 1/math.Min(0, -0.0))
}
