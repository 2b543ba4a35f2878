// run

// A generic type declared as an instance of one still being declared
// (Bar while Foo is checked) takes its structure once that one is known.
package main

import "fmt"

type Foo[P any] struct {
	x *Bar[P]
	v P
}

type Bar[Q any] Foo[Q]

func main() {
	b := Bar[int]{v: 3}
	f := Foo[int]{x: &b, v: 4}
	fmt.Println(f.x.v, f.v, (*Foo[int])(f.x).v)
}
