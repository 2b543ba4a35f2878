package main
type T int
func (T) String() string { return "" }
func main() {
	var t T
	_ = t.String()
	var s interface{ String() string } = t
	_ = s
}
