// run

// Float max and min over slices, which codegen splits over four
// accumulators (codegen/reduce.rs) only where that is exact: the builtins
// (a NaN wins, -0 < +0) and `if v > m { m = v }`, which skips NaNs and
// keeps the first (with >=, the last) of equal elements — for +0 and -0 the
// sign shows which. Every length around the split, NaNs and zeros at every
// place, float32 and float64; float sums are left as written (regrouping
// rounds differently).
package main

import (
	"fmt"
	"math"
)

//go:noinline
func keepGreater[T float32 | float64](s []T) T {
	m := s[0]
	for _, v := range s[1:] {
		if v > m {
			m = v
		}
	}
	return m
}

//go:noinline
func keepGreaterEq[T float32 | float64](s []T) T {
	m := s[0]
	for _, v := range s[1:] {
		if v >= m {
			m = v
		}
	}
	return m
}

//go:noinline
func keepLess[T float32 | float64](s []T) T {
	m := s[0]
	for _, v := range s {
		if v < m {
			m = v
		}
	}
	return m
}

//go:noinline
func keepLessEq(s []float64) float64 {
	m := math.Inf(1)
	for i := 0; i < len(s); i++ {
		v := s[i]
		if v <= m {
			m = v
		}
	}
	return m
}

//go:noinline
func builtinMax[T float32 | float64](s []T) T {
	m := T(math.Inf(-1))
	for _, v := range s {
		m = max(m, v)
	}
	return m
}

//go:noinline
func builtinMin[T float32 | float64](s []T) T {
	m := T(math.Inf(1))
	for _, v := range s {
		m = min(v, m)
	}
	return m
}

//go:noinline
func sum[T float32 | float64](s []T) T {
	var total T
	for _, v := range s {
		total += v
	}
	return total
}

func show[T float32 | float64](x T) string {
	f := float64(x)
	if f == 0 && math.Signbit(f) {
		return "-0"
	}
	return fmt.Sprint(x)
}

func run[T float32 | float64](s []T) {
	fmt.Println(len(s), show(keepGreater(s)), show(keepGreaterEq(s)), show(keepLess(s)),
		show(builtinMax(s)), show(builtinMin(s)), show(sum(s)))
}

func main() {
	nan, negz := math.NaN(), math.Copysign(0, -1)
	// Lengths around the split, ascending and descending.
	for n := 1; n <= 11; n++ {
		up, down := make([]float64, n), make([]float64, n)
		for i := range up {
			up[i] = float64(i) * 1.5
			down[i] = float64(n-i) / 3
		}
		run(up)
		run(down)
	}
	// Zeros of both signs at every place among smaller elements, and at
	// every place among larger ones.
	for n := 2; n <= 10; n++ {
		for at := 0; at < n; at++ {
			s := make([]float64, n)
			for i := range s {
				s[i] = negz
				if i%3 == 1 {
					s[i] = -1
				}
			}
			s[at] = 0
			run(s)
			for i := range s {
				s[i] = 0
				if i%4 == 2 {
					s[i] = 7
				}
			}
			s[at] = negz
			run(s)
			for i := range s {
				s[i] = 0
			}
			s[at] = negz
			run(s)
		}
	}
	// NaNs: first (the accumulator keeps it), elsewhere (skipped, or by
	// the builtins taken).
	for n := 1; n <= 9; n++ {
		for at := 0; at < n; at++ {
			s := make([]float64, n)
			for i := range s {
				s[i] = float64((i*7)%5) - 2
			}
			s[at] = nan
			run(s)
		}
	}
	// Infinities and float32.
	run([]float64{math.Inf(-1), math.Inf(-1), math.Inf(-1), math.Inf(-1), math.Inf(-1)})
	run([]float64{1, math.Inf(1), 2, 3, 4, math.Inf(-1), 5, 6})
	f32 := make([]float32, 13)
	for i := range f32 {
		f32[i] = float32(i%5) * 0.1
	}
	run(f32)
	f32[3] = float32(negz)
	f32[0] = float32(negz)
	run(f32[:1])
	run(f32[:5])
	// float32 NaNs (maxss and minss keep the accumulator on a NaN, as the
	// loop does), first and elsewhere.
	f32[7] = float32(nan)
	run(f32)
	f32[0] = float32(nan)
	run(f32)
	fmt.Println(keepLessEq([]float64{3, 0, 2, negz, 5, 0, 1, 9, 8}) == 0, math.Signbit(keepLessEq([]float64{3, 0, 2, negz, 5, 0, 1, 9, 8})))
	fmt.Println(math.Signbit(keepLessEq([]float64{3, 0, 2, negz, 5, 1, 1, 9, 8})))
}
