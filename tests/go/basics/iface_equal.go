// run

// Interface comparisons: values of different dynamic types are unequal
// (even when neither type is comparable), nil equals nil only, equal
// types compare their values (a NaN is unequal to itself, pointers by
// address), and equal uncomparable types panic.

package main

import (
	"errors"
	"fmt"
	"io"
	"math"
)

type E struct{ s string }

func (e *E) Error() string { return e.s }

type F func()

func try(name string, f func() bool) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panic:", r)
		}
	}()
	fmt.Println(name, f())
}

func main() {
	var err error
	try("nil == EOF", func() bool { return err == io.EOF })
	try("nil == nil", func() bool { return err == nil })
	err = io.EOF
	try("EOF == EOF", func() bool { return err == io.EOF })
	try("EOF == UnexpectedEOF", func() bool { return err == io.ErrUnexpectedEOF })
	try("EOF == other errorString", func() bool { return err == errors.New("EOF") })
	e1, e2 := &E{"a"}, &E{"a"}
	var x, y error = e1, e2
	try("*E distinct", func() bool { return x == y })
	y = e1
	try("*E same", func() bool { return x == y })
	var a, b any = math.NaN(), math.NaN()
	try("NaN", func() bool { return a == b })
	try("NaN self", func() bool { return a == a })
	a, b = 1.5, 1.5
	try("floats", func() bool { return a == b })
	a, b = []int{1}, "s"
	try("slice vs string", func() bool { return a == b })
	a, b = []int{1}, map[int]int{}
	try("slice vs map", func() bool { return a == b })
	a, b = []int{1}, []int{1}
	try("slice vs slice", func() bool { return a == b })
	a, b = F(nil), F(nil)
	try("func vs func", func() bool { return a != b })
	a, b = [1]any{[]int{}}, [1]any{[]int{}}
	try("arrays holding slices", func() bool { return a == b })
	a, b = struct{ v any }{1}, struct{ v any }{int64(1)}
	try("structs of different ints", func() bool { return a == b })
	a, b = nil, 0
	try("nil vs 0", func() bool { return a == b })
}
