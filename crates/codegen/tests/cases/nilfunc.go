package main

func f() {
	var g func()
	defer println("runs after nil panic")
	defer g()
	println("body done")
}

func main() {
	defer func() { println("main recovered:", recover() != nil) }()
	f()
}
