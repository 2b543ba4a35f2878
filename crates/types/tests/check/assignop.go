package main
func main() {
	x := 1
	x += "a"
	s := "a"
	s -= "b"
	var b bool
	b += true
	x, s = s, x
	x <<= 1.5
}
