package main
func main() {
	var b byte = "x"
	var r rune = "x"
	var bs []byte = 1
	var e error = 1
	var a any = 1
	var f func() = 1
	var g func(x int) (y int) = 1
	var h chan<- int = 1
	var k chan (<-chan int) = 1
}
