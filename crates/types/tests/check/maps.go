package main
func main() {
	m := map[string]int{"a": 1, "a": 2}
	v, ok := m["b"]
	_, _ = v, ok
	m[1] = 2
	for k, v := range m { _, _ = k, v }
	var mm map[[]int]int
	_ = mm
	for range 10 {}
}
