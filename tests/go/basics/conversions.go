// run

// Numeric conversions: truncation, sign extension, float to int toward
// zero, int to float rounding, float32 rounding, string(rune).
package main

func main() {
	var big int64 = 0x123456789
	println(int32(big), int16(big), int8(big), uint8(big))
	var neg int32 = -1
	println(uint32(neg), uint64(neg), uint16(neg), int64(neg))
	var u uint8 = 200
	println(int8(u), int64(u), uint64(int8(u)))
	var f = 3.99
	println(int(f), int(-f), int64(f*100))
	var g = 1e10
	println(int64(g), uint32(1e9), float32(g))
	var i = 16777217
	println(float32(i), float64(i))
	var d float64 = 0.1
	println(float32(d), float64(float32(d)))
	show := func(r rune) { println(r, string(r), len(string(r))) }
	show(65)
	show(0x263a)
	show(0x1F600)
	show(-1)
	show(0x110000)
	show(0xD800)
	var by byte = 'x'
	println(string(rune(by)), string(by))
	type Miles float64
	type Km float64
	m := Miles(10)
	k := Km(m * 1.609)
	println(k)
}
