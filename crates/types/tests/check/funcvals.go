package main
func apply(f func(int) int, x int) int { return f(x) }
func main() {
	sq := func(x int) int { return x * x }
	_ = apply(sq, 3)
	_ = apply(func(s string) int { return 0 }, 1)
	var g func()
	g = sq
	_ = g == nil
	_ = sq == sq
}
