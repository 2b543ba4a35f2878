// run

// reflect.MakeFunc in a program that never calls a function through
// reflect (Value.Call; nor does it import fmt, which could): the made
// functions still get their frames (deft fills a func type's reflect
// fields in only as far as the program can read them).
package main

import "reflect"

type point struct{ x, y int }

func main() {
	swap := func(in []reflect.Value) []reflect.Value { return []reflect.Value{in[1], in[0]} }
	var swapInts func(int, int) (int, int)
	reflect.ValueOf(&swapInts).Elem().Set(reflect.MakeFunc(reflect.TypeOf(swapInts), swap))
	println(swapInts(1, 2))

	mk := reflect.MakeFunc(reflect.TypeOf((func(string) any)(nil)), func(in []reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(point{len(in[0].String()), 7})}
	}).Interface().(func(string) any)
	p, q := mk("four").(point), mk("").(point)
	println(p.x, p.y, q.x, q.y)
}
