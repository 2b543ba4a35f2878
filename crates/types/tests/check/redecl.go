package main
func main() {
	var x int
	var x int
	_ = x
}
