// run

// Calling through reflect: Value.Call and CallSlice on functions,
// closures, variadic functions and functions of many or large results;
// method values (Method, MethodByName) of values, pointers and
// interfaces; a panic raised by the called function; and Call's misuse.
package main

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
)

type Big struct {
	A, B, C, D, E int
	S          string
}

type Acc struct{ total int }

func (a *Acc) Add(n int) int            { a.total += n; return a.total }
func (a Acc) Total() int                 { return a.total }
func (a Acc) Describe(prefix string, xs ...float64) string {
	return fmt.Sprint(prefix, a.total, xs)
}

type Namer interface{ Name() string }
type dog struct{ n string }

func (d dog) Name() string { return "dog " + d.n }

func divide(a, b float64) (float64, error) {
	if b == 0 {
		return 0, errors.New("division by zero")
	}
	return a / b, nil
}

func makeBig(n int, s string) Big      { return Big{n, n + 1, n + 2, n + 3, n + 4, s} }
func sum(xs ...int) (total int)         { for _, x := range xs { total += x }; return }
func join(sep string, parts ...string) string { return strings.Join(parts, sep) }
func swap(a, b string) (string, string) { return b, a }
func many() (int8, float32, string, []int, map[string]int, *Big, complex128) {
	return -1, 2.5, "s", []int{3}, map[string]int{"k": 4}, &Big{S: "p"}, 1i
}
func boom(s string) { panic("boom: " + s) }

func show(out []reflect.Value) {
	for i, v := range out {
		if i > 0 {
			fmt.Print(" | ")
		}
		fmt.Print(v.Type(), "=", v.Interface())
	}
	fmt.Println()
}

func try(name string, f func()) {
	defer func() { fmt.Println(name+":", recover()) }()
	f()
}

func main() {
	v := reflect.ValueOf
	show(v(divide).Call([]reflect.Value{v(7.0), v(2.0)}))
	show(v(divide).Call([]reflect.Value{v(1.0), v(0.0)}))
	show(v(makeBig).Call([]reflect.Value{v(10), v("big")}))
	show(v(sum).Call(nil))
	show(v(sum).Call([]reflect.Value{v(1), v(2), v(3)}))
	show(v(sum).CallSlice([]reflect.Value{v([]int{4, 5})}))
	show(v(join).Call([]reflect.Value{v("-"), v("a"), v("b")}))
	show(v(swap).Call([]reflect.Value{v("x"), v("y")}))
	show(v(many).Call(nil))
	k := 3
	closure := func(x int) int { k += x; return k * 2 }
	show(v(closure).Call([]reflect.Value{v(4)}))
	fmt.Println(k)
	show(v(strings.ToUpper).Call([]reflect.Value{v("up")}))
	show(v(fmt.Sprintf).Call([]reflect.Value{v("%d-%s"), v(1), v("z")}))

	acc := &Acc{}
	av := v(acc)
	show(av.MethodByName("Add").Call([]reflect.Value{v(5)}))
	show(av.Method(0).Call([]reflect.Value{v(6)}))
	fmt.Println(acc.total, av.Method(0).Type(), av.NumMethod(), av.Elem().NumMethod())
	show(av.Elem().MethodByName("Total").Call(nil))
	show(av.MethodByName("Describe").Call([]reflect.Value{v("t="), v(1.5), v(2.5)}))
	show(av.MethodByName("Describe").CallSlice([]reflect.Value{v("s="), v([]float64{9})}))
	fmt.Println(av.MethodByName("Nope").IsValid())
	var n Namer = dog{"rex"}
	nv := v(&n).Elem()
	show(nv.Method(0).Call(nil))
	m := v(dog{"fido"}).MethodByName("Name")
	fmt.Println(m.Kind(), m.Type(), m.Interface().(func() string)())
	tm, _ := reflect.TypeOf(acc).MethodByName("Add")
	fmt.Println(tm.Type, tm.Index)
	show(tm.Func.Call([]reflect.Value{v(acc), v(100)}))
	total := reflect.TypeOf(Acc{}).Method(1).Func.Interface().(func(Acc) int)
	fmt.Println(total(Acc{total: 8}), tm.Func.Type() == reflect.TypeOf((*Acc).Add))
	desc, _ := reflect.TypeOf(&Acc{}).MethodByName("Describe")
	show(desc.Func.Call([]reflect.Value{v(&Acc{total: 2}), v("d"), v(0.5)}))

	try("panic in callee", func() { v(boom).Call([]reflect.Value{v("x")}) })
	try("too few", func() { v(divide).Call([]reflect.Value{v(1.0)}) })
	try("too many", func() { v(divide).Call([]reflect.Value{v(1.0), v(2.0), v(3.0)}) })
	try("wrong type", func() { v(divide).Call([]reflect.Value{v(1), v(2.0)}) })
	try("zero arg", func() { v(divide).Call([]reflect.Value{{}, v(2.0)}) })
	try("nil func", func() { var f func(); v(f).Call(nil) })
	try("not func", func() { v(1).Call(nil) })
	try("CallSlice non-variadic", func() { v(divide).CallSlice([]reflect.Value{v(1.0), v(2.0)}) })
	try("variadic wrong elem", func() { v(sum).Call([]reflect.Value{v("s")}) })
	try("method index", func() { v(acc).Method(7) })
}
