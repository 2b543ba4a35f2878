package main
const c = 1e1000000
func main() {
	var f = c
	_ = f
}
