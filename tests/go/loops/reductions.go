// run

// Integer reductions over slices, which codegen splits over four
// accumulators (codegen/reduce.rs): every length around the split, the
// folds (+, ^, |, min as the builtin, max as an if-statement) at every
// width, signed and unsigned, with wrapping sums; the three-clause loop of
// the and-fold is left as written.
package main

import "fmt"

//go:noinline
func sum[T int | int8 | uint16 | int32 | uint64](s []T) T {
	var total T
	for _, v := range s {
		total += v
	}
	return total
}

//go:noinline
func maxOf[T int | int8 | uint8 | int64 | uint32](s []T) T {
	m := s[0]
	for _, v := range s[1:] {
		if v > m {
			m = v
		}
	}
	return m
}

//go:noinline
func minOf(s []int16) int16 {
	m := s[0]
	for _, v := range s {
		m = min(m, v)
	}
	return m
}

//go:noinline
func folds(s []uint32) (uint32, uint32, uint32) {
	x, o, a := uint32(0), uint32(0), ^uint32(0)
	for _, v := range s {
		x ^= v
	}
	for _, v := range s {
		o |= v
	}
	for i := 0; i < len(s); i++ {
		a &= s[i]
	}
	return x, o, a
}

func main() {
	for n := 0; n < 12; n++ {
		ints := make([]int, n)
		i8s := make([]int8, n)
		u16 := make([]uint16, n)
		i16 := make([]int16, n+1)
		u32 := make([]uint32, n)
		for i := range ints {
			x := (i*7919 + 13) % 301
			ints[i] = x*x*x - 4000000
			i8s[i] = int8(x * 3)
			u16[i] = uint16(x * 999)
			i16[i] = int16(x*211 - 20000)
			u32[i] = uint32(x*x*x*x) ^ 0xdeadbeef
		}
		fmt.Println(n, sum(ints), sum(i8s), sum(u16))
		if n > 0 {
			fmt.Println(maxOf(ints), maxOf(i8s), minOf(i16))
		}
		fmt.Println(folds(u32))
	}
	big := make([]int64, 1001)
	for i := range big {
		big[i] = int64(i*i) - 1<<62
	}
	fmt.Println(maxOf(big), sum([]uint64{1<<63, 1<<63, 5}))
	u := []uint32{5, 1 << 31, 7, 9, 3}
	fmt.Println(maxOf(u), maxOf([]uint8{200, 100, 255, 1, 2, 3, 4}))
}
