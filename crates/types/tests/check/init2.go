package main
func init(x int) {}
var init = 1
func main() { }
