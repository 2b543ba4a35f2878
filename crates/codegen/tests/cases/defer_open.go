package main

func trace(s string) { println("defer", s) }

func f(n int) (r int) {
	defer trace("first")
	defer func() { r *= 2 }()
	x := n
	defer println("arg evaluated early", x)
	x = 100
	if n > 0 {
		return n + 1
	}
	return -1
}

func main() {
	println(f(3))
	println(f(-3))
}
