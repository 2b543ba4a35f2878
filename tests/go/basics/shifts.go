// run

// Shifts: counts at and beyond the width, signed right shifts, shifts by
// unsigned and signed variable counts, constant shifts.
package main

func main() {
	var one int32 = 1
	for _, n := range "\x00\x01\x1f\x20\x21\x3f\x40\x41" {
		println(n, one<<n, int32(-8)>>n, uint32(0x80000000)>>n)
	}
	var x uint64 = 0xdeadbeefcafebabe
	var s uint = 64
	println(x<<s, x>>s, x<<(s-1), x>>(s-4))
	var i64 int64 = -1
	println(i64>>63, i64>>64, i64>>200, i64<<63)
	var b uint8 = 0x81
	println(b<<1, b>>7, b<<8)
	var k int = 3
	println(1<<k, 1024>>k, -1024>>k)
	const c = 1 << 10 >> 3
	b8 := uint8(255)
	println(c, b8<<4>>4)
	var u16 uint16 = 1
	var cnt int8 = 15
	println(u16<<cnt, u16<<(cnt+1))
}
