// Regenerates floats.txt, the expected output of println for float64
// values, with gc: `go run gen_floats.go 2> floats.txt`.
// Each line is the value's IEEE-754 bits in decimal, then println's text.
package main

import (
	"math"
	"math/rand"
)

func emit(v float64) { println(math.Float64bits(v), v) }

func main() {
	fixed := []float64{
		0, math.Copysign(0, -1), 1, -1, 1.5, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3,
		9.9999999, 9.99999949, 9.9999995, 9.99999951, 99999995, 999999.95,
		1e23, 1e22, 1e21, 123456789, 0.5, 1e100, 1e-100, 1e300, 1e308,
		math.MaxFloat64, math.SmallestNonzeroFloat64, 2.2250738585072014e-308,
		1e-310, math.Inf(1), math.Inf(-1), math.NaN(), 100, 1000, 1e7, 12345678,
		0.000123, 2.5e-5, math.Pi, math.E, -math.Pi, 5e-324, 4.9e-324,
		float64(float32(0.1)), float64(float32(1) / 3), float64(float32(16777217)),
		float64(math.MaxFloat32), float64(math.SmallestNonzeroFloat32),
		1.0000005, 1.00000049999, 1.0000015, 8.5e-7, 0.99999995, 0.999999949,
	}
	for _, v := range fixed {
		emit(v)
	}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 1000; i++ {
		emit(math.Float64frombits(r.Uint64()))
	}
	for i := 0; i < 1000; i++ {
		emit(float64(r.Int63n(2000000000)-1000000000) / math.Pow(10, float64(r.Intn(20))))
	}
	for i := 0; i < 500; i++ {
		emit(float64(math.Float32frombits(r.Uint32())))
	}
	for i := 0; i < 500; i++ {
		// Just above and below a 7th-digit rounding boundary.
		d := float64(r.Int63n(9000000)+1000000) + 0.5
		v := d * math.Pow(10, float64(r.Intn(40)-20))
		emit(math.Nextafter(v, 0))
		emit(v)
		emit(math.Nextafter(v, math.Inf(1)))
	}
}
