// run

// panic(nil) in Go 1.19: the panic is stopped by recover, but recover
// returns nil, indistinguishable from no panic.
package main

func f() (stopped bool) {
	defer func() {
		r := recover()
		println("recover returned nil:", r == nil)
		stopped = true
	}()
	panic(nil)
}

func main() {
	println(f())
	println("after")
}
