package main
func sum(xs ...int) int { return 0 }
func two(a string, xs ...int) {}
func main() {
	sum()
	sum(1, 2, 3)
	s := []int{1}
	sum(s...)
	sum(1, s...)
	two()
	two("a", "b")
	sum("a")
	_ = sum
}
