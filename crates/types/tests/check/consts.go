package main
const (
	A = iota
	B
	C = "x"
	D
	E = iota * 10
)
const big = 1 << 62
type Weekday int
const (
	Sunday Weekday = iota
	Monday
)
func main() {
	var i8 int8 = big
	var u uint = -1
	const f = 2.5
	var n int = f
	_ = Monday + 1
	_ = Monday + A
	var w Weekday = 1.0
	_ = A / 0
	_ = 10 % 3.0
	println(A, B, C, D, E, i8, u, n, w)
	const s string = 1
}
