package main
func main() {
	x := 1
	p := &x
	*p = 2
	_ = *x
	_ = &1
	var q **int = &p
	_ = q
	_ = nil == nil
	var n = nil
	_ = n
}
