// run

// Blank fields of struct literals stay zero, positional or static, while
// their elements are still evaluated in order (fixedbugs/issue31546.go).

package main

import (
	"fmt"
	"reflect"
)

type T struct {
	a, _, c int
	_       string
}

var x = struct{ a, _, c int }{1, 2, 3}

func f(n int) int { fmt.Println("eval", n); return n }

func main() {
	fmt.Println(reflect.ValueOf(x).Field(1).Int())
	t := T{f(1), f(2), f(3), fmt.Sprint("s")}
	fmt.Println(reflect.ValueOf(t).Field(1).Int(), reflect.ValueOf(t).Field(3).String() == "", t.a, t.c)
	u := T{a: f(4), c: f(5)}
	fmt.Println(u.a, u.c)
	p := &T{7, 8, 9, "x"}
	fmt.Println(reflect.ValueOf(*p).Field(1).Int(), p.a, p.c)
}
