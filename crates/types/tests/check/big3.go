package main
const c = 1 << 600
func main() {
}
