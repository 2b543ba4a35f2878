// run

// Pseudo-random generators that depend on exact uint64/uint32 wrap-around:
// xorshift64*, splitmix64, a 32-bit LCG, PCG32; plus a Monte Carlo pi
// estimate using float64 conversion.
package main

func xorshift(seed uint64) func() uint64 {
	s := seed
	return func() uint64 {
		s ^= s >> 12
		s ^= s << 25
		s ^= s >> 27
		return s * 2685821657736338717
	}
}

func splitmix(seed uint64) func() uint64 {
	s := seed
	return func() uint64 {
		s += 0x9e3779b97f4a7c15
		z := s
		z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
		z = (z ^ z>>27) * 0x94d049bb133111eb
		return z ^ z>>31
	}
}

func lcg(seed uint32) func() uint32 {
	s := seed
	return func() uint32 {
		s = s*1664525 + 1013904223
		return s
	}
}

func pcg(seed uint64) func() uint32 {
	state := seed
	return func() uint32 {
		old := state
		state = old*6364136223846793005 + 1442695040888963407
		xs := uint32((old>>18 ^ old) >> 27)
		rot := uint32(old >> 59)
		return xs>>rot | xs<<((-rot)&31)
	}
}

func main() {
	x, s, l, p := xorshift(1), splitmix(0), lcg(42), pcg(7)
	for i := 0; i < 5; i++ {
		println(x(), s(), l(), p())
	}
	r := splitmix(12345)
	inside := 0
	const n = 200000
	for i := 0; i < n; i++ {
		a := float64(r()>>11) / (1 << 53)
		b := float64(r()>>11) / (1 << 53)
		if a*a+b*b < 1 {
			inside++
		}
	}
	println(inside, 4*float64(inside)/n)
}
