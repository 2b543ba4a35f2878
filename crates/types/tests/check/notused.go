package main
func f() int { return 1 }
func main() {
	f
	1
	"a" + "b"
	f() + 1
	int
	len
	_ = len
	x := 1
	x == 2
}
