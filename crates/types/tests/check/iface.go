package main
type S struct{}
func (s *S) M() {}
type I interface{ M() }
type E interface{ Error() string }
func main() {
	var i I = S{}
	var e error = 1
	var x interface{} = 1
	n := x.(int)
	_ = x.(I)
	s := x.(string)
	_ = n + 1
	_ = s
	_, _ = i, e
	v, ok := x.(int)
	_, _ = v, ok
	var k int = 1
	_ = k.(int)
	_ = i.(S)
}
