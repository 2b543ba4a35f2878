// run

// Integer arithmetic wraps at every width, signed and unsigned; negation
// of the minimum value; MinInt / -1.
package main

func main() {
	var i8 int8 = 127
	i8++
	println(i8)
	i8 = -128
	i8--
	println(i8)
	var u8 uint8 = 0
	u8--
	println(u8)
	var i16 int16 = 32767
	println(i16+1, i16*2)
	var u16 uint16 = 65535
	println(u16+1, u16*u16)
	var i32 int32 = 2147483647
	println(i32+1, -i32-2)
	var u32 uint32 = 1
	println(u32-2, u32<<31<<1)
	var i64 int64 = 9223372036854775807
	println(i64+1, i64*3)
	var m int64 = -9223372036854775808
	println(-m, m/-1, m%-1)
	var m8 int8 = -128
	println(-m8, m8/-1, m8%-1)
	var u64 uint64 = 0
	println(u64-1, (u64-1)*(u64-1))
	var x int = 1
	for i := 0; i < 70; i++ {
		x *= 3
	}
	println(x)
	var y uint32 = 2166136261
	y *= 16777619
	println(y)
}
