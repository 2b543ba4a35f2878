package main
var (
	a = c + b
	b = f()
	c = f()
	d = 3
)
func f() int { d++; return d }
func main() { println(a, b, c, d) }
