package main
func main() {
	goto L
	var x int = 1
	_ = x
L:
	println()
}
