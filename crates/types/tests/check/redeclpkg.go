package main
var x int
var x int
func main() {
}
