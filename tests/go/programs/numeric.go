// run

// Numerical methods in float64: Newton's square root, Simpson's rule,
// a Taylor series for exp and sin, and bisection root finding, printed
// with print's exponent format.
package main

func sqrt(x float64) float64 {
	z := x / 2
	for i := 0; i < 30; i++ {
		z -= (z*z - x) / (2 * z)
	}
	return z
}

func simpson(f func(float64) float64, a, b float64, n int) float64 {
	h := (b - a) / float64(n)
	sum := f(a) + f(b)
	for i := 1; i < n; i++ {
		x := a + float64(i)*h
		if i%2 == 1 {
			sum += 4 * f(x)
		} else {
			sum += 2 * f(x)
		}
	}
	return sum * h / 3
}

func exp(x float64) float64 {
	term, sum := 1.0, 1.0
	for n := 1; n < 40; n++ {
		term *= x / float64(n)
		sum += term
	}
	return sum
}

func sin(x float64) float64 {
	term, sum := x, x
	for n := 1; n < 20; n++ {
		term *= -x * x / float64((2*n)*(2*n+1))
		sum += term
	}
	return sum
}

func bisect(f func(float64) float64, lo, hi float64) float64 {
	for i := 0; i < 60; i++ {
		mid := (lo + hi) / 2
		if (f(lo) < 0) == (f(mid) < 0) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

func main() {
	println(sqrt(2), sqrt(1e10), sqrt(0.25))
	println(simpson(func(x float64) float64 { return x * x }, 0, 3, 100))
	println(simpson(func(x float64) float64 { return 4 / (1 + x*x) }, 0, 1, 1000))
	println(exp(1), exp(-2.5), exp(10))
	println(sin(3.141592653589793/6), sin(1))
	println(bisect(func(x float64) float64 { return x*x*x - 2*x - 5 }, 2, 3))
	var f32 float32 = 1
	for i := 0; i < 10; i++ {
		f32 = f32/2 + 1/f32
	}
	println(f32)
}
