package main
func main() {
	s := []int{1, 2}
	s = append(s, 3, 4)
	s = append(s, "a")
	n := copy(s, []int{1})
	m := make(map[string]int)
	delete(m, "a")
	delete(m, 1)
	p := new(int)
	*p = 2
	_ = len(1)
	_ = cap(m)
	_ = make(int)
	_ = make([]int)
	panic("x")
	_ = n
	print()
	println(len)
	recover(1)
}
