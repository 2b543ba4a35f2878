package main
func main() {
	x := 1
	_ = x / 0
	_ = 1 / 0
	_ = 1.0 / 0
}
