package main
const c = 1e100000000
const d = c * c
func main() {
	println(d > 1)
}
