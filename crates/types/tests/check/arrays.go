package main
func main() {
	a := [...]int{1, 2, 3}
	var b [2]int = a
	_ = b
	c := [3]int{5: 1}
	_ = c
	s := a[:]
	_ = s[-1]
	_ = len(a)
	const n = len(a)
	x := 2
	_ = a[x:1]
	_ = "abc"[5]
}
