package main
type MyInt int
func main() {
	var i int = 1
	var f float64 = float64(i)
	var m MyInt = MyInt(i)
	var s string = string(i)
	_ = int("a")
	_ = string(1.5)
	_ = []byte(1)
	_, _, _ = f, m, s
	var u uint8 = uint8(-1)
	_ = u
}
