package main
func counter() func() int {
	c := 0
	return func() int {
		c++
		return c
	}
}
func main() {
	f := counter()
	println(f())
	for i := 0; i < 3; i++ {
		defer func() { println(i) }()
	}
	go func() {}()
	defer recover()
	defer int(1)
	go len("a")
}
