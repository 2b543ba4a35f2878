package main
const c = 1 << 500
const d = c * c
func main() {
}
