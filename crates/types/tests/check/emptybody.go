package main
func f() int {
	for {}
}
func g() int {
	for { break }
}
func h(x int) int {
	if x > 0 { return 1 } else { return 2 }
}
func k(x int) int {
	switch x {
	case 1: return 1
	default: return 2
	}
}
func m(x int) int {
	switch x {
	case 1: return 1
	}
}
func main() {}
