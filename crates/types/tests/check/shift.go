package main
func main() {
	x := 1
	_ = x << -1
	_ = 1 << 1.5
	_ = 1.5 << 2
	var f float64
	_ = f << 2
	_ = x << f
}
