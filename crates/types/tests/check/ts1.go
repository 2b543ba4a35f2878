package main
type T int
type S struct{ a int; b string }
func main() {
	var x T = "s"
	var y S = 1
	var z []string = 1
	var f func(int, ...string) (int, error) = 1
	var m map[string][]*T = 1
	var c <-chan int = 1
	var i interface{ M() } = 1
	var e interface{} = 1
	var s struct{} = 1
	var a [3]byte = 1
}
