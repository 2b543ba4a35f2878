// run

// Shifts by a count masked below the operand's width (which need no check
// of a negative or too large count) and by masks that do not bound it.
package main

import "fmt"

func f(x uint64, s int) uint64   { return x >> (s & 63) }
func g(x int64, s uint8) int64   { return x << (s & 31) >> (s & 7) }
func h(x uint32, s int) uint32   { t := s & 31; return x>>t | x<<t }
func k(x uint8, s uint) uint8    { return x >> (s & 15) }
func m(x int64, s int) int64     { return x >> (s & 127) }
func n(x uint64, s int32) uint64 { return x << (s & 63) }

func main() {
	for _, s := range []int{-200, -64, -63, -1, 0, 1, 7, 31, 32, 63, 64, 65, 100, 127, 128, 255} {
		fmt.Println(s, f(0xfedcba9876543210, s), g(-12345678, uint8(s)), h(0x87654321, s), k(0xf0, uint(s)), m(-987654321987, s), n(3, int32(s)))
	}
}
