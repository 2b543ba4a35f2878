package main
func main() {
	goto L
	x, y := 1, 2
	_, _ = x, y
L:
	println()
}
