package main
func main() {
L:
	for {
	}
M:
	println()
	goto N
	break
	continue
	for {
		break M
		continue M
		break Q
	}
	if true { fallthrough }
	switch { case true: fallthrough }
M:
}
