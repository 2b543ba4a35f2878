// run

// Misuse of reflect panics with gc's messages: calling a method of the
// wrong kind, setting what cannot be set, indexing out of range, and
// Type methods asked of the wrong kind of type.
package main

import (
	"fmt"
	"reflect"
)

type S struct {
	Pub  int
	priv int
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		if err, ok := r.(error); ok {
			fmt.Printf("%s: error %T: %v\n", name, r, err)
			return
		}
		fmt.Printf("%s: %v\n", name, r)
	}()
	f()
}

func main() {
	s := S{1, 2}
	try("Int on string", func() { reflect.ValueOf("x").Int() })
	try("Uint on int", func() { reflect.ValueOf(1).Uint() })
	try("Float on zero", func() { reflect.Value{}.Float() })
	try("Bool on struct", func() { reflect.ValueOf(s).Bool() })
	try("Len on int", func() { reflect.ValueOf(1).Len() })
	try("Index on map", func() { reflect.ValueOf(map[int]int{}).Index(0) })
	try("Elem on int", func() { reflect.ValueOf(1).Elem() })
	try("IsNil on int", func() { reflect.ValueOf(1).IsNil() })
	try("Field on slice", func() { reflect.ValueOf([]int{}).Field(0) })
	try("NumField on int", func() { reflect.ValueOf(1).NumField() })
	try("SetInt unaddressable", func() { reflect.ValueOf(1).SetInt(2) })
	try("SetInt on string", func() { x := "a"; reflect.ValueOf(&x).Elem().SetInt(2) })
	try("Set unexported", func() { reflect.ValueOf(&s).Elem().Field(1).SetInt(3) })
	try("Interface unexported", func() { reflect.ValueOf(s).Field(1).Interface() })
	try("Set wrong type", func() { x := 1; reflect.ValueOf(&x).Elem().Set(reflect.ValueOf("s")) })
	try("slice index", func() { reflect.ValueOf([]int{1}).Index(5) })
	try("array index", func() { reflect.ValueOf([1]int{}).Index(-1) })
	try("string index", func() { reflect.ValueOf("ab").Index(2) })
	try("Addr unaddressable", func() { reflect.ValueOf(1).Addr() })
	try("Type of zero", func() { reflect.Value{}.Type() })
	try("Interface of zero", func() { reflect.Value{}.Interface() })
	try("MakeSlice non-slice", func() { reflect.MakeSlice(reflect.TypeOf(1), 0, 0) })
	try("MakeSlice len>cap", func() { reflect.MakeSlice(reflect.TypeOf([]int{}), 3, 2) })
	try("Convert", func() { reflect.ValueOf("s").Convert(reflect.TypeOf(1)) })
	try("MapIndex wrong key", func() { reflect.ValueOf(map[string]int{}).MapIndex(reflect.ValueOf(1)) })
	try("nil map store", func() {
		var m map[string]int
		reflect.ValueOf(m).SetMapIndex(reflect.ValueOf("a"), reflect.ValueOf(1))
	})
	try("Swapper non-slice", func() { reflect.Swapper(3) })
	try("Elem of int type", func() { reflect.TypeOf(1).Elem() })
	try("Key of slice type", func() { reflect.TypeOf([]int{}).Key() })
	try("Len of slice type", func() { reflect.TypeOf([]int{}).Len() })
	try("NumField of int type", func() { reflect.TypeOf(1).NumField() })
	try("Field out of range", func() { reflect.TypeOf(s).Field(2) })
	try("In of int type", func() { reflect.TypeOf(1).In(0) })
	try("NumOut of map", func() { reflect.TypeOf(map[int]int{}).NumOut() })
	try("ChanDir of int", func() { reflect.TypeOf(1).ChanDir() })
	try("IsVariadic of int", func() { reflect.TypeOf(1).IsVariadic() })
	try("Bits of string", func() { reflect.TypeOf("").Bits() })
	try("Method out of range", func() { reflect.TypeOf(s).Method(0) })
	try("Implements nil", func() { reflect.TypeOf(s).Implements(nil) })
	try("Implements non-interface", func() { reflect.TypeOf(s).Implements(reflect.TypeOf(1)) })
	try("SetLen too long", func() { x := []int{1}; reflect.ValueOf(&x).Elem().SetLen(5) })
	try("Zero nil", func() { reflect.Zero(nil) })
	fmt.Println(reflect.ValueOf(s).Field(0).String())
}
