// run

// Infinities, NaN and negative zero as print shows them, and comparisons
// involving NaN.
package main

func main() {
	var zero float64
	inf := 1 / zero
	ninf := -1 / zero
	nan := zero / zero
	println(inf, ninf, nan)
	println(nan == nan, nan != nan, nan < 1, nan > 1, inf > 1e308)
	negz := -zero
	println(negz, 1/negz)
	var f32 float32 = 1e38
	f32 *= 10
	println(f32)
	println(float32(nan) == float32(nan))
	x := 0.1 + 0.2
	println(x, x == 0.3)
	println(float32(0.1)+float32(0.2) == float32(0.3))
}
