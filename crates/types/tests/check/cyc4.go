package main
const c = d
const d = c
func main() {}
