package main

var C = trace("C", 5)

func describe() string {
	return "A=B+C, B=2C"
}

func init() {
	println("first init in c.go")
}

func init() {
	println("second init in c.go")
}
