// run

// runtime.Caller reports a frame with defer records that a recovery
// resumed at gc's line: that of the defer statement whose call recovered.
package main

import (
	"fmt"
	"runtime"
)

func f() {
	for i := 0; i < 1; i++ {
		defer func() {
			_, _, line, _ := runtime.Caller(1)
			fmt.Println("resumed frame at line", line)
		}()
	}
	for i := 0; i < 1; i++ {
		defer func() { recover() }()
	}
	panic("x")
}

func main() { f() }
