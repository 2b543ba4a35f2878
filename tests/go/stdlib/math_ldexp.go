// run

// math.Ldexp over normal, subnormal, overflowing and special values.
package main

import (
	"fmt"
	"math"
)

func main() {
	for _, c := range []struct {
		f float64
		e int
	}{{1, 0}, {0.5, 1}, {3, 10}, {1, -1074}, {1, -1075}, {1.5, -1074}, {0.75, -1073}, {1, 1023}, {1, 1024}, {-2, 1023},
		{1, -2000}, {1, 1 << 40}, {1, -(1 << 40)}, {0, 5}, {math.Copysign(0, -1), 5}, {math.Inf(1), -5}, {math.NaN(), 3},
		{math.SmallestNonzeroFloat64, 1074}, {math.MaxFloat64, -1023}, {0x1.fffffffffffffp-1, -1022}} {
		fmt.Println(c.f, c.e, math.Ldexp(c.f, c.e))
	}
}
