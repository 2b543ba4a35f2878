package main

type E int

func f() {
	defer func() {
		r := recover()
		println("got", r.(string))
		panic(E(7))
	}()
	panic("first")
}

func main() {
	defer println("main deferred print runs")
	f()
}
