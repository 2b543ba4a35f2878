package main

// Heap and stack defer records in one frame, open-coded defers in a callee
// with many arguments, a panic recovered by the callee (the shape of Go
// issue 37688).

type T struct{ n int }

func (t *T) m1() { t.n++; println("m1", t.n) }
func (t *T) m2() { t.n += 10; println("m2", t.n) }

var sum int

func many(t *T, a, b, c, d, e, f, g, h, i int) {
	defer t.m1()
	defer func(t *T, a, b, c, d, e, f, g, h, i int) {
		if v := recover(); v != nil {
			println("recovered", v.(string))
		}
		sum = a + b + c + d + e + f + g + h + i
	}(t, a, b, c, d, e, f, g, h, i)
	panic("many panics")
}

func rec(n int) int {
	if n > 0 {
		return rec(n-1) + 1
	}
	return 0
}

func g2(t *T) {
	for i := 0; i < 1; i++ {
		defer t.m1()
	}
	defer t.m2()
	defer t.m1()
	many(t, 1, 2, 3, 4, 5, 6, 7, 8, 9)
	println("rec", rec(2000), "sum", sum)
}

func main() {
	t := &T{}
	for j := 0; j < 2; j++ {
		g2(t)
	}
	println(t.n)
}
