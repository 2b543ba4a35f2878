// run

// As resumed_frame_line.go with defer records (defers in loops): gc shows
// the resumed frame at the line of the defer statement whose deferred call
// recovered.
package main

import "fmt"

func f(x int) (r int) {
	for i := 0; i < 1; i++ {
		defer func() {
			panic(fmt.Sprint("second ", r))
		}()
	}
	for i := 0; i < 1; i++ {
		defer func() {
			recover()
			r = 5
		}()
	}
	if x > 0 {
		panic("first")
	}
	r = x
	return r * 2
}

func main() {
	fmt.Println(f(1))
}
