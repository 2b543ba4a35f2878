package main
func main() {
	var s uint = 3
	x := 1 << s
	var f float64 = 1 << s
	var g = 1.0 << s
	_ = 1 << 70
	var y int64 = 1 << 63
	_, _, _, _ = x, f, g, y
	_ = 2.0 << 1
}
