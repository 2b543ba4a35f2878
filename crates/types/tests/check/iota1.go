package main
const (
	a byte = iota * 100
	b
	c
	d
)
func main() { }
