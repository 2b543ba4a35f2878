package main

var zero int

func main() {
	x := 1
	defer func() {
		println("deferred sees x =", x)
	}()
	x = 2
	println(x / zero)
}
