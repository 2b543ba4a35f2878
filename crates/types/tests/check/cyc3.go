package main
type T [2]T
func main() {}
