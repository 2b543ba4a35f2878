package main

func f(x int) int {
	defer func() {
		panic("second")
	}()
	return 10 / x
}

func main() {
	println(f(0))
}
