// run

// complex, real and imag; complex arithmetic including division with
// gc's infinities and NaNs; complex64.
package main

import (
	"fmt"
	"math"
)

func main() {
	x, y := 3.0, -4.5
	z := complex(x, y)
	w := complex(float32(1.5), float32(2))
	fmt.Println(z, real(z), imag(z), w, real(w), imag(w))
	fmt.Println(z*z, z/complex(1, 2), z-1i, -z)
	var zero complex128
	fmt.Println(z/zero, zero/zero, complex(math.Inf(1), 0)/complex(1, 1), complex(1, 1)/complex(math.Inf(1), math.Inf(-1)))
	fmt.Println(w/complex64(complex(0.5, 0.25)), w == complex64(complex(1.5, 2)))
	fmt.Printf("%.2f %v %T\n", z, complex64(z), real(w))
	const c = complex(1, 2)
	fmt.Println(c, real(c), imag(c))
	println(z)
}
