package main
func f(a int, b string) {}
func main() {
	f(1)
	f()
	f("a", 1)
	f(1, "a", 2)
	var g int
	g(1)
	h := f
	h(1, "b")
}
