// run

// panic(nil) raises a *runtime.PanicNilError (Go 1.21+): recover sees it,
// it is a runtime.Error, and prints gc 1.27's text.

package main

import (
	"errors"
	"fmt"
	"runtime"
)

func main() {
	defer func() {
		r := recover()
		fmt.Printf("%T %v\n", r, r)
		err, ok := r.(runtime.Error)
		fmt.Println(ok, err)
		var e error = r.(error)
		fmt.Println(errors.Unwrap(e) == nil)
	}()
	panic(nil)
}
