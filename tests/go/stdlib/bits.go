// run

// math/bits: every function over edge values, and Div64's panics.
package main

import "math/bits"

func main() {
	vals := []uint64{0, 1, 2, 3, 0x80, 0xff, 0x100, 0xffff, 0x12345678, 0x80000000, 0xffffffff, 0x100000000,
		0x0123456789abcdef, 0x8000000000000000, 0xfffffffffffffffe, 0xffffffffffffffff}
	println(bits.UintSize)
	for _, v := range vals {
		println(v, bits.LeadingZeros(uint(v)), bits.LeadingZeros8(uint8(v)), bits.LeadingZeros16(uint16(v)), bits.LeadingZeros32(uint32(v)), bits.LeadingZeros64(v),
			bits.TrailingZeros(uint(v)), bits.TrailingZeros8(uint8(v)), bits.TrailingZeros16(uint16(v)), bits.TrailingZeros32(uint32(v)), bits.TrailingZeros64(v),
			bits.OnesCount(uint(v)), bits.OnesCount8(uint8(v)), bits.OnesCount16(uint16(v)), bits.OnesCount32(uint32(v)), bits.OnesCount64(v),
			bits.Len(uint(v)), bits.Len8(uint8(v)), bits.Len16(uint16(v)), bits.Len32(uint32(v)), bits.Len64(v))
		println(bits.Reverse(uint(v)), bits.Reverse8(uint8(v)), bits.Reverse16(uint16(v)), bits.Reverse32(uint32(v)), bits.Reverse64(v),
			bits.ReverseBytes(uint(v)), bits.ReverseBytes16(uint16(v)), bits.ReverseBytes32(uint32(v)), bits.ReverseBytes64(v))
		for _, k := range []int{0, 1, 7, 8, 31, 33, 64, -1, -9} {
			print(bits.RotateLeft(uint(v), k), " ", bits.RotateLeft8(uint8(v), k), " ", bits.RotateLeft16(uint16(v), k), " ",
				bits.RotateLeft32(uint32(v), k), " ", bits.RotateLeft64(v, k), "; ")
		}
		println()
		for _, w := range []uint64{0, 1, 0xffffffff, 0xffffffffffffffff, 0x8000000000000001} {
			for c := uint64(0); c < 2; c++ {
				s, co := bits.Add64(v, w, c)
				d, bo := bits.Sub64(v, w, c)
				s32, co32 := bits.Add32(uint32(v), uint32(w), uint32(c))
				d32, bo32 := bits.Sub32(uint32(v), uint32(w), uint32(c))
				su, cu := bits.Add(uint(v), uint(w), uint(c))
				du, bu := bits.Sub(uint(v), uint(w), uint(c))
				print(s, co, d, bo, s32, co32, d32, bo32, su, cu, du, bu, " ")
			}
			hi, lo := bits.Mul64(v, w)
			h32, l32 := bits.Mul32(uint32(v), uint32(w))
			hu, lu := bits.Mul(uint(v), uint(w))
			print(hi, lo, h32, l32, hu, lu, " ")
			if w > 1 {
				q, r := bits.Div64(v%w, w-1, w)
				print(q, r, bits.Rem64(v, w-1, w), " ")
				q32, r32 := bits.Div32(uint32(v)%uint32(w), uint32(w)-1, uint32(w))
				print(q32, r32, bits.Rem32(uint32(v), uint32(w), uint32(w)), " ")
				qu, ru := bits.Div(uint(v%w), uint(w-1), uint(w))
				print(qu, ru, bits.Rem(uint(v), 5, uint(w)), " ")
			}
		}
		println()
	}
	defer func() {
		println(recover() != nil)
		bits.Div64(0, 1, 0)
	}()
	bits.Div64(5, 1, 5)
}
