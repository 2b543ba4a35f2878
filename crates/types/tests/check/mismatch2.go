package main
func f() (int, string) { return 1, "a" }
func main() {
	var x int = f()
	a, b, c := f()
	_ = 1 + "a"
	_ = x == "s"
	var p *int = nil
	_ = p == 1
	return 1
}
