package main
func f(a int) (r int) { return }
func main() { f(1) }
