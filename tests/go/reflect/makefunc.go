// run

// reflect.MakeFunc: functions of several signatures made at run time,
// called directly, through interfaces, deferred, from goroutines, and
// through reflect again; a generic swap maker as in reflect's docs; and
// the panics for wrong results.
package main

import (
	"fmt"
	"reflect"
	"strings"
)

type Big struct {
	A, B, C, D, E int64
	S              string
}

func main() {
	swap := func(in []reflect.Value) []reflect.Value { return []reflect.Value{in[1], in[0]} }
	makeSwap := func(fptr any) {
		fn := reflect.ValueOf(fptr).Elem()
		fn.Set(reflect.MakeFunc(fn.Type(), swap))
	}
	var intSwap func(int, int) (int, int)
	makeSwap(&intSwap)
	fmt.Println(intSwap(0, 1))
	var floatSwap func(float64, float64) (float64, float64)
	makeSwap(&floatSwap)
	fmt.Println(floatSwap(2.72, 3.14))
	var strSwap func(string, string) (string, string)
	makeSwap(&strSwap)
	fmt.Println(strSwap("a", "b"))

	calls := 0
	sum := reflect.MakeFunc(reflect.TypeOf(func(...int) int { return 0 }), func(in []reflect.Value) []reflect.Value {
		calls++
		total := 0
		for i := 0; i < in[0].Len(); i++ {
			total += int(in[0].Index(i).Int())
		}
		return []reflect.Value{reflect.ValueOf(total)}
	}).Interface().(func(...int) int)
	fmt.Println(sum(), sum(1, 2, 3), sum([]int{10, 20}...), calls)

	bigger := reflect.MakeFunc(reflect.TypeOf(func(Big, string) (Big, error) { return Big{}, nil }), func(in []reflect.Value) []reflect.Value {
		b := in[0].Interface().(Big)
		b.A *= 10
		b.S = strings.Repeat(in[1].String(), 2)
		return []reflect.Value{reflect.ValueOf(b), reflect.Zero(reflect.TypeOf((*error)(nil)).Elem())}
	}).Interface().(func(Big, string) (Big, error))
	b, err := bigger(Big{1, 2, 3, 4, 5, "s"}, "xy")
	fmt.Println(b, err)

	var stringer func() string
	reflect.ValueOf(&stringer).Elem().Set(reflect.MakeFunc(reflect.TypeOf(stringer), func([]reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf("made")}
	}))
	defer func() { fmt.Println("deferred:", stringer()) }()
	done := make(chan string)
	go func() { done <- stringer() + " in goroutine" }()
	fmt.Println(<-done)
	out := reflect.ValueOf(intSwap).Call([]reflect.Value{reflect.ValueOf(5), reflect.ValueOf(6)})
	fmt.Println(out[0].Int(), out[1].Int())

	apply := reflect.MakeFunc(reflect.TypeOf(func(func(int) int, int) int { return 0 }), func(in []reflect.Value) []reflect.Value {
		return in[0].Call(in[1:])
	}).Interface().(func(func(int) int, int) int)
	fmt.Println(apply(func(x int) int { return x * x }, 9))

	for _, bad := range []func([]reflect.Value) []reflect.Value{
		func([]reflect.Value) []reflect.Value { return nil },
		func([]reflect.Value) []reflect.Value { return []reflect.Value{{}} },
		func([]reflect.Value) []reflect.Value { return []reflect.Value{reflect.ValueOf("s")} },
	} {
		func() {
			defer func() { fmt.Println(recover()) }()
			f := reflect.MakeFunc(reflect.TypeOf(func() int { return 0 }), bad).Interface().(func() int)
			f()
		}()
	}
	func() {
		defer func() { fmt.Println(recover()) }()
		reflect.MakeFunc(reflect.TypeOf(1), swap)
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		f := reflect.MakeFunc(reflect.TypeOf(func(int) {}), func(in []reflect.Value) []reflect.Value {
			panic(fmt.Sprint("inside with ", in[0]))
		}).Interface().(func(int))
		f(42)
	}()
}
