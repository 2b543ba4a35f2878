// run

// reflect.Value.Pointer of a func is its code pointer, which
// runtime.FuncForPC names (as Go's inline_literal.go test relies on).
package main

import (
	"fmt"
	"reflect"
	"runtime"
)

func hello() string { return "hello" }

func foo() string {
	x := hello()
	return x + x
}

func main() {
	for _, f := range []any{foo, hello, fmt.Sprint} {
		pc := reflect.ValueOf(f).Pointer()
		fn := runtime.FuncForPC(pc)
		fmt.Println(fn != nil && fn.Entry() == pc, fn.Name())
		fmt.Println(uintptr(reflect.ValueOf(f).UnsafePointer()) == pc)
	}
	var nilFunc func()
	fmt.Println(reflect.ValueOf(nilFunc).Pointer())
}
