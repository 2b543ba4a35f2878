// run

// Several init functions run in source order after all package variables
// are initialized, and before main.
package main

var trace = start()

func start() string {
	println("var init")
	return "t"
}

func init() {
	println("init 1", trace)
	trace += "1"
}

func main() {
	println("main", trace)
}

func init() {
	println("init 2", trace)
	trace += "2"
}

func init() {
	println("init 3")
}
