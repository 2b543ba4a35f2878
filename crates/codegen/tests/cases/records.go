package main

func loop(n int) (sum int) {
	for i := 0; i < n; i++ {
		defer func(v int) { sum += v; println("loop defer", v) }(i)
	}
	return 100
}

func lp() {
	defer func() { println("recovered", recover().(string)) }()
	for i := 0; i < 3; i++ {
		defer println("record", i)
	}
	panic("in loop func")
}

func main() {
	println(loop(3))
	lp()
}
