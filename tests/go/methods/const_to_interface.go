// run

// Constants converted to interfaces (boxed in read-only statics by deft, as gc
// does): every basic kind, named types, strings with invalid UTF-8, and a
// panic value recovered.
package main

import "fmt"

type Celsius float32
type Name string
type Flag bool

func (n Name) String() string { return "name:" + string(n) }

func show(xs ...interface{}) {
	for _, x := range xs {
		fmt.Printf("%T %v\n", x, x)
	}
}

func main() {
	show("", "x", "héllo\xff", 1, -7, int8(-3), uint16(65535), 3.5, float32(1)/3, Celsius(36.6), 2+3i, complex64(1-1i), true, Flag(false), Name("n"), 'r', byte(200), uintptr(9))
	const big = 1 << 62
	var e interface{} = big
	var f interface{} = big
	fmt.Println(e == f, e)
	defer func() { fmt.Println(recover()) }()
	panic(Name("boom"))
}
