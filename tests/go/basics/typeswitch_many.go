// run

// Type switches over many concrete types, which dispatch by the dynamic
// type's hash: every case reached, nil, clauses of several types,
// interface cases before and between concrete ones (Go's first match), the
// default anywhere, types whose hashes are equal, types the runtime makes,
// type parameters in cases, switches on non-empty interfaces.
package main

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
)

type S struct{ a, b int }
type Big struct {
	name string
	xs   [4]int
	f    float64
}
type MyInt int
type E struct{ msg string }

func (e E) Error() string { return "E:" + e.msg }

type PE struct{ code int }

func (p *PE) Error() string  { return fmt.Sprint("PE:", p.code) }
func (p *PE) String() string { return "pe" }

type Err1 int

func (Err1) Error() string { return "err1" }

type Err2 uint8

func (Err2) Error() string { return "err2" }

// Their link names (main.ChDlDQWbI, main.CnvkftuDe) have the same 32-bit
// FNV-1a hash, what deft's descriptors carry.
type ChDlDQWbI struct{ v int }
type CnvkftuDe struct{ v int }

func many(x any) string {
	switch v := x.(type) {
	case bool:
		return fmt.Sprint("bool ", !v)
	case int:
		return fmt.Sprint("int ", v*2)
	case int8, int16, int32:
		return fmt.Sprintf("small %T %v", v, v)
	case uint8:
		return fmt.Sprint("uint8 ", v+1)
	case float32:
		return fmt.Sprint("float32 ", v/2)
	case float64:
		return fmt.Sprint("float64 ", v*3)
	case complex128:
		return fmt.Sprint("complex128 ", real(v))
	case string:
		return "string " + strings.ToUpper(v)
	case []byte:
		return fmt.Sprint("bytes ", len(v), cap(v))
	case nil:
		return fmt.Sprintf("nil %v", v)
	case S:
		return fmt.Sprint("S ", v.a+v.b)
	case *S:
		if v == nil {
			return "*S nil"
		}
		v.a++
		return fmt.Sprint("*S ", v.a)
	case Big:
		return fmt.Sprint("Big ", v.name, v.xs[3], v.f)
	case [3]int:
		return fmt.Sprint("[3]int ", v[2])
	case map[string]int:
		return fmt.Sprint("map ", len(v), v["k"])
	case func() int:
		return fmt.Sprint("func ", v())
	case chan int:
		return fmt.Sprint("chan ", cap(v))
	case MyInt:
		return fmt.Sprint("MyInt ", int(v)+100)
	case ChDlDQWbI:
		return fmt.Sprint("ChDlDQWbI ", v.v)
	case CnvkftuDe:
		return fmt.Sprint("CnvkftuDe ", v.v)
	default:
		return fmt.Sprintf("default %T", v)
	}
}

// One of the two types of equal hashes only: the other's values must not
// take its case.
func oneOfPair(x any) string {
	switch x.(type) {
	case int, int64, uint, uint64, string:
		return "basic"
	case ChDlDQWbI:
		return "ChDlDQWbI"
	}
	return "none"
}

// Interface cases between concrete ones: a concrete case after an
// interface case its type implements is never taken.
func mixed(x any) string {
	switch v := x.(type) {
	case int:
		return "int"
	case string, bool:
		return fmt.Sprintf("string or bool %v", v)
	default:
		return fmt.Sprintf("default %T", v)
	case float64:
		return "float64"
	case uint:
		return "uint"
	case error:
		return "error " + v.Error()
	case E:
		return "E (unreachable)"
	case S:
		return "S after error"
	case fmt.Stringer:
		return "stringer " + v.String()
	case nil:
		return "nil after interfaces"
	case MyInt:
		return "MyInt"
	}
}

// A switch on a non-empty interface.
func onError(err error) string {
	switch e := err.(type) {
	case nil:
		return "no error"
	case E:
		return "E " + e.msg
	case *PE:
		return fmt.Sprint("*PE ", e != nil)
	case Err1, Err2:
		return fmt.Sprintf("%T %d", e, e)
	case *E:
		return "*E " + e.msg
	case interface{ Unwrap() error }:
		return "wraps " + onError(e.Unwrap())
	default:
		return "other " + e.Error()
	}
}

// A switch without a variable, with break and a loop inside the arms.
func count(xs []any) (ints, strs, others int) {
loop:
	for _, x := range xs {
		switch x.(type) {
		case int, int64:
			ints++
		case string:
			if x == "stop" {
				break loop
			}
			strs++
		case bool, float64, S, *S, []int:
			if x == true {
				break
			}
			others++
		default:
			continue
		}
	}
	return
}

// Type parameters among the cases: T may be one of the other cases' types
// (the first case takes it) or an interface type.
func Generic[T any](x any) string {
	switch v := x.(type) {
	case int:
		return fmt.Sprint("int ", v)
	case T:
		return fmt.Sprintf("T=%T %v", v, v)
	case string:
		return "string " + v
	case bool, float64, []T:
		return fmt.Sprintf("bool, float64 or []T %T", v)
	case S:
		return "S"
	case *T:
		return "*T"
	default:
		return fmt.Sprintf("default %T", v)
	}
}

func main() {
	ch := make(chan int, 3)
	var nilS *S
	var nilErr error
	values := []any{
		true, 21, int8(-3), int16(300), int32(7), uint8(255), float32(5), 1.5, complex(2, 3),
		"go", []byte("abc"), nil, S{1, 2}, &S{5, 6}, nilS, Big{"big", [4]int{1, 2, 3, 4}, 0.25},
		[3]int{7, 8, 9}, map[string]int{"k": 4}, func() int { return 42 }, ch, MyInt(1),
		ChDlDQWbI{1}, CnvkftuDe{2}, uint(9), int64(10), E{"e"}, &PE{3}, [2]int{}, struct{}{},
		errors.New("plain"), nilErr,
		// Types whose descriptors the runtime makes (hash 0 in deft).
		reflect.MakeSlice(reflect.SliceOf(reflect.TypeOf(Big{})), 2, 2).Interface(),
		reflect.New(reflect.TypeOf(ChDlDQWbI{})).Interface(),
		reflect.MakeMap(reflect.MapOf(reflect.TypeOf(MyInt(0)), reflect.TypeOf(S{}))).Interface(),
	}
	for i, x := range values {
		fmt.Printf("%2d %-28s | %-14s | %s\n", i, many(x), oneOfPair(x), mixed(x))
	}
	fmt.Println(onError(nil), "/", onError(E{"x"}), "/", onError(&PE{7}), "/",
		onError(fmt.Errorf("w: %w", E{"in"})), "/", onError(errors.New("p")), "/", onError(nilErr))
	var nilPE *PE
	fmt.Println(onError(nilPE), "/", onError(Err1(4)), "/", onError(Err2(5)), "/", onError(&E{"p"}))
	fmt.Println(count([]any{1, int64(2), "a", true, 2.5, S{}, &S{}, []int{}, uint(1), "b", "stop", 3}))
	for _, x := range []any{1, "s", true, 2.5, S{}, new(int), new(string), []int{1}, []string{"a"}, MyInt(2), E{"g"}, nil} {
		fmt.Printf("%-26s %-26s %-26s %s\n", Generic[int](x), Generic[string](x), Generic[error](x), Generic[[]int](x))
	}
}
