package main
func main() {
	println(1e400 > 1)
	println(1<<100 > 1)
	var x = 1<<100
	_ = x
}
