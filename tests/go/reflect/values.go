// run

// reflect.Value: reading every kind, Len/Cap/Index/Slice, Elem of
// pointers and interfaces, IsNil/IsValid/IsZero, Interface and
// CanInterface (unexported fields), CanAddr/CanSet, the Set family, New,
// Zero, Indirect, Addr and Pointer.
package main

import (
	"fmt"
	"reflect"
)

type T struct {
	A int
	b string
	C []float64
	D *T
	E any
	F map[string]int
}

type Temp float32

func describe(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Bool:
		return fmt.Sprint("bool ", v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return fmt.Sprint("int ", v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return fmt.Sprint("uint ", v.Uint())
	case reflect.Float32, reflect.Float64:
		return fmt.Sprint("float ", v.Float())
	case reflect.Complex64, reflect.Complex128:
		return fmt.Sprint("complex ", v.Complex())
	case reflect.String:
		return fmt.Sprintf("string %q len %d", v.String(), v.Len())
	}
	return v.String()
}

func main() {
	for _, x := range []any{true, -7, int8(-8), int16(300), int32(-5), int64(1 << 40), uint(7), uint8(200), uint16(9), uint32(10), uint64(1 << 63), uintptr(12),
		float32(1.25), 2.5, Temp(-3.5), complex64(1 + 2i), 3 - 4i, "héllo"} {
		v := reflect.ValueOf(x)
		fmt.Println(v.Kind(), v.Type(), describe(v), v.CanAddr(), v.CanSet(), v.CanInterface(), v.Interface() == x)
	}

	s := []string{"a", "b", "c", "d"}
	v := reflect.ValueOf(s)
	fmt.Println(v.Len(), v.Cap(), v.Index(2).String(), v.Index(2).CanSet(), v.Slice(1, 3).Len(), v.Slice(1, 3).Cap(), v.Slice3(0, 1, 2).Cap())
	v.Index(0).SetString("z")
	fmt.Println(s, v.Slice(1, 3).Interface(), v.Slice(1, 3).Index(0).Interface())
	arr := [3]int{1, 2, 3}
	av := reflect.ValueOf(arr)
	fmt.Println(av.Len(), av.Index(1).Int(), av.Index(1).CanSet())
	pav := reflect.ValueOf(&arr).Elem()
	pav.Index(1).SetInt(20)
	fmt.Println(arr, pav.Slice(0, 2).Interface(), pav.CanAddr())
	str := reflect.ValueOf("abc")
	fmt.Println(str.Index(1).Uint(), str.Index(1).Kind(), str.Slice(1, 3).Interface(), str.Len())

	t := T{A: 1, b: "hidden", C: []float64{1.5}, E: 42, F: map[string]int{"k": 1}}
	tv := reflect.ValueOf(&t).Elem()
	fmt.Println(tv.NumField(), tv.CanSet(), tv.Field(0).CanSet(), tv.Field(1).CanSet(), tv.Field(1).CanInterface(), tv.Field(1).String())
	tv.Field(0).SetInt(99)
	tv.FieldByName("C").Index(0).SetFloat(-1)
	tv.Field(3).Set(reflect.ValueOf(&T{A: 5}))
	fmt.Println(t.A, t.C, t.D.A, tv.Field(3).Elem().Field(0).Int(), tv.Field(3).Elem().CanSet())
	e := tv.Field(4)
	fmt.Println(e.Kind(), e.Elem().Kind(), e.Elem().Int(), e.IsNil(), e.Elem().CanSet())
	e.Set(reflect.ValueOf("now a string"))
	fmt.Println(t.E, tv.Field(5).Len(), tv.FieldByName("Nope").IsValid())

	var np *T
	var ni any
	var nm map[int]int
	var ns []int
	var nf func()
	var nc chan int
	for _, x := range []reflect.Value{reflect.ValueOf(np), reflect.ValueOf(&ni).Elem(), reflect.ValueOf(nm), reflect.ValueOf(ns), reflect.ValueOf(nf), reflect.ValueOf(nc)} {
		fmt.Println(x.Kind(), x.IsNil(), x.IsZero(), x.IsValid())
	}
	fmt.Println(reflect.ValueOf(np).Elem().IsValid(), reflect.ValueOf(nil).IsValid(), reflect.ValueOf(&ni).Elem().Elem().IsValid())

	for _, x := range []any{0, 1, "", "x", 0.0, -0.0, []int{}, [2]int{}, [2]int{0, 1}, T{}, T{b: "x"}, struct{ p *int }{}, false, complex(0, 0)} {
		fmt.Print(reflect.ValueOf(x).IsZero(), " ")
	}
	fmt.Println()

	n := reflect.New(reflect.TypeOf(0))
	n.Elem().SetInt(41)
	fmt.Println(n.Type(), n.Elem().Int(), *(n.Interface().(*int)), n.Elem().CanSet())
	z := reflect.Zero(reflect.TypeOf(T{}))
	fmt.Println(z.Field(0).Int(), z.CanSet(), z.IsZero())
	x := 5
	px := reflect.ValueOf(&x)
	fmt.Println(reflect.Indirect(px).Int(), reflect.Indirect(reflect.ValueOf(3)).Int(), px.Pointer() != 0, px.Elem().Addr().Interface() == &x)
	px.Elem().Set(reflect.ValueOf(8))
	fmt.Println(x, px.Elem().CanAddr(), px.CanAddr())

	var ui uint16
	u := reflect.ValueOf(&ui).Elem()
	u.SetUint(65535)
	var f32 float32
	reflect.ValueOf(&f32).Elem().SetFloat(1.0 / 3)
	var c64 complex64
	reflect.ValueOf(&c64).Elem().SetComplex(1 + 1i)
	var bo bool
	reflect.ValueOf(&bo).Elem().SetBool(true)
	var bs []byte
	reflect.ValueOf(&bs).Elem().SetBytes([]byte("bytes"))
	fmt.Println(ui, f32, c64, bo, string(bs), reflect.ValueOf(bs).Bytes(), u.OverflowUint(65536), u.OverflowUint(3))
	sl := make([]int, 2, 10)
	sv := reflect.ValueOf(&sl).Elem()
	sv.SetLen(5)
	fmt.Println(len(sl), cap(sl))
	sv.SetCap(6)
	fmt.Println(len(sl), cap(sl))
	var tp Temp
	tpv := reflect.ValueOf(&tp).Elem()
	tpv.SetFloat(98.5)
	fmt.Println(tp, tpv.Type(), tpv.Kind(), tpv.Interface())
	fmt.Println(reflect.ValueOf(3).String(), reflect.ValueOf(T{}).String(), reflect.Value{}.String(), reflect.ValueOf(3).Type())
	fmt.Println(reflect.ValueOf(1).Equal(reflect.ValueOf(1)), reflect.ValueOf(1).Equal(reflect.ValueOf(int64(1))), reflect.ValueOf([]int{}).Comparable(), reflect.ValueOf(T{}).Comparable())
}
