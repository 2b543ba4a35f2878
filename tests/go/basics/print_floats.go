// run

// print's float format (+d.dddddde+ddd) across magnitudes, rounding of
// the sixth digit, float32 values widened for printing.
package main

func main() {
	x := 1.0
	for i := 0; i < 12; i++ {
		println(x, -x)
		x *= 37.5
	}
	y := 1.0
	for i := 0; i < 8; i++ {
		y /= 13
		println(y)
	}
	println(0.9999995, 0.99999949, 9.9999999, 1.0000005)
	println(5e-324, 1.7976931348623157e308, 2.2250738585072014e-308)
	var f32 float32 = 16777216
	println(f32, f32+1, f32*f32)
	println(float32(1)/3, float64(float32(1)/3))
	println(1e21, 1e20, 123456789012345678.0)
	h := 0.5
	for i := 0; i < 5; i++ {
		println(h)
		h = h*10 + 0.5
	}
}
