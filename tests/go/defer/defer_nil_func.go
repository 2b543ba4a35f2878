// run

// Deferring a nil func value is not an error at the defer statement; the
// panic happens when the deferred call would run, at function exit.
package main

func f() (reached bool) {
	defer func() {
		r := recover()
		println("recovered at exit:", r != nil)
	}()
	var fn func()
	defer fn()
	println("after the defer statement")
	return true
}

func main() {
	println(f())
	var g func(int)
	defer g(1)
	println("main body runs")
}
