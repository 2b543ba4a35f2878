package main
func main() {
	_ = byte(256)
	var b byte = 256
	_ = b
}
