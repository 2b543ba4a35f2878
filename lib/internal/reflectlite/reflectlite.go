// Package reflectlite is the part of reflect that errors, sort and
// context use. Upstream's is a copy of reflect's core over gc's type
// descriptors, kept apart so that errors need not import reflect (which
// imports errors); deft's reflect imports neither errors nor strconv, so
// this overlay is reflect's types and functions under reflectlite's
// names. Value is a type of its own so that its panics name reflectlite's
// methods, as upstream's do (sort.Slice of a non-slice panics with
// `reflectlite.Value.Len`).
package reflectlite

import "reflect"

// Kind, Type and ValueError are reflect's.
type (
	Kind       = reflect.Kind
	Type       = reflect.Type
	ValueError = reflect.ValueError
)

// The kinds the standard library asks about.
const (
	Ptr       = reflect.Pointer
	Pointer   = reflect.Pointer
	Interface = reflect.Interface
	Slice     = reflect.Slice
	String    = reflect.String
	Struct    = reflect.Struct
)

// Value is a reflect.Value with reflectlite's methods.
type Value struct {
	v reflect.Value
}

// TypeOf returns the dynamic type of i (nil for a nil interface).
func TypeOf(i any) Type { return reflect.TypeOf(i) }

// ValueOf returns a Value holding the concrete value in i.
func ValueOf(i any) Value { return Value{reflect.ValueOf(i)} }

// Swapper returns a function that swaps the elements of the slice.
func Swapper(slice any) func(i, j int) { return reflect.Swapper(slice) }

// mustBe panics, naming reflectlite's method, unless v's kind is one of
// kinds.
func (v Value) mustBe(method string, kinds ...Kind) {
	k := v.v.Kind()
	for _, want := range kinds {
		if k == want {
			return
		}
	}
	panic(&ValueError{Method: "reflectlite.Value." + method, Kind: k})
}

func (v Value) CanSet() bool { return v.v.CanSet() }

func (v Value) Elem() Value {
	v.mustBe("Elem", reflect.Interface, reflect.Pointer)
	return Value{v.v.Elem()}
}

func (v Value) IsNil() bool {
	v.mustBe("IsNil", reflect.Chan, reflect.Func, reflect.Map, reflect.Pointer, reflect.UnsafePointer,
		reflect.Interface, reflect.Slice)
	return v.v.IsNil()
}

func (v Value) IsValid() bool { return v.v.IsValid() }

func (v Value) Kind() Kind { return v.v.Kind() }

func (v Value) Len() int {
	v.mustBe("Len", reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String)
	return v.v.Len()
}

func (v Value) Set(x Value) { v.v.Set(x.v) }

func (v Value) Type() Type {
	if !v.v.IsValid() {
		panic(&ValueError{Method: "reflectlite.Value.Type", Kind: reflect.Invalid})
	}
	return v.v.Type()
}
