package main
func main() {
	x := 1
	f := func() int { return x }
	_ = f
	y := 2
	g := func() { y = 3 }
	g()
}
