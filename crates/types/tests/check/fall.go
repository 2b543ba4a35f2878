package main
func main() {
	switch {
	case true:
		fallthrough
	default:
	}
	var x interface{}
	switch x.(type) {
	case int:
		fallthrough
	default:
	}
	switch {
	case true:
		fallthrough
		println()
	default:
	}
}
