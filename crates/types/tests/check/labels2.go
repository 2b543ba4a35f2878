package main
func main() {
L:
	for i := 0; i < 3; i++ {
		switch {
		case i == 1:
			continue L
		case i == 2:
			break L
		}
	}
	goto M
M:
	f := func() {
	N:
		goto N
	}
	f()
	goto L
}
