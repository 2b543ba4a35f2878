package main

import "fmt"

func try() (r any, panicked bool) {
	defer func() {
		r = recover()
	}()
	panicked = true
	panic(nil)
}

func main() {
	r, panicked := try()
	fmt.Println("recovered:", r, "panicked:", panicked, "nil:", r == nil)
	defer fmt.Println("deferred in main runs")
	panic(nil)
}
