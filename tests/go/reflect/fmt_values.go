// run

// fmt prints the value a reflect.Value holds (its String, Error and
// Format methods included), and a reflect.Type by its String method.
package main

import (
	"errors"
	"fmt"
	"reflect"
)

type Color int

func (c Color) String() string { return [...]string{"red", "green", "blue"}[c] }

type Pair struct {
	K string
	V *int
}

type box struct{ c Color }

func main() {
	n := 7
	vals := []reflect.Value{
		reflect.ValueOf(42), reflect.ValueOf("str"), reflect.ValueOf(3.5), reflect.ValueOf([]int{1, 2}),
		reflect.ValueOf(map[string]int{"a": 1}), reflect.ValueOf(Pair{"k", nil}), reflect.ValueOf(Color(1)),
		reflect.ValueOf(errors.New("boom")), reflect.ValueOf(&n).Elem(), reflect.ValueOf(true), reflect.Value{},
		reflect.ValueOf(box{2}).Field(0), reflect.ValueOf([2]Color{0, 2}), reflect.ValueOf(any(nil)),
	}
	for _, v := range vals {
		fmt.Println(v)
		fmt.Printf("%v|%d|%s|%T\n", v, v, v, v)
	}
	fmt.Printf("%q %x %5v|\n", reflect.ValueOf("q"), reflect.ValueOf(255), reflect.ValueOf(1))
	fmt.Println(reflect.TypeOf(Pair{}), reflect.TypeOf(0).Kind(), reflect.ValueOf(1).Kind())
	fmt.Printf("%v %s %T\n", reflect.TypeOf([]Color{}), reflect.TypeOf(map[int]bool{}), reflect.TypeOf(1))
	fmt.Println(fmt.Sprint(reflect.ValueOf(&n).Elem().Addr().Elem()), reflect.ValueOf(Pair{"x", &n}).Field(0))
}
