package main
func main() {
	var f float32 = 1e40
	var c complex64 = 1
	_ = c
	x := 'a' + 1
	var r rune = x
	y := 1.0
	var i int = y
	_, _, _ = f, r, i
	_ = 1.5 + "a"
	z := true && 1
	_ = z
}
