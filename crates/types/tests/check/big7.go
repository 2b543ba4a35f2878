package main
func main() {
	const c byte = 255
	_ = c + 1
	x := 10
	_ = x + 1e100
	var f float32 = 1e39
	_ = f
	_ = 'a' * 1e10
}
