// Package reflectlite is the part of reflect that errors, sort and
// context use. Upstream's is a copy of reflect's core over gc's type
// descriptors, kept apart so that errors need not import reflect (which
// imports errors); deft's reflect imports neither errors nor strconv, so
// this overlay is reflect's own types and functions under reflectlite's
// names. Value is a type of its own, with upstream's methods only, so
// that its panics name reflectlite's methods as gc's do (sort.Slice of a
// non-slice panics with `reflect: call of reflectlite.Value.Len`).
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
	Ptr           = reflect.Pointer
	Pointer       = reflect.Pointer
	Interface     = reflect.Interface
	Slice         = reflect.Slice
	Array         = reflect.Array
	Chan          = reflect.Chan
	Func          = reflect.Func
	Map           = reflect.Map
	Invalid       = reflect.Invalid
	UnsafePointer = reflect.UnsafePointer
	String        = reflect.String
	Struct        = reflect.Struct
)

// TypeOf returns the dynamic type of i (nil for a nil interface).
func TypeOf(i any) Type { return reflect.TypeOf(i) }

// Value is reflect's Value with upstream reflectlite's methods.
type Value struct{ v reflect.Value }

// ValueOf returns a Value holding the concrete value in i.
func ValueOf(i any) Value { return Value{reflect.ValueOf(i)} }

// CanSet reports whether v is addressable and not read-only.
func (v Value) CanSet() bool { return v.v.CanSet() }

// IsValid reports whether v holds a value.
func (v Value) IsValid() bool { return v.v.IsValid() }

// Kind returns v's kind (Invalid for the zero Value).
func (v Value) Kind() Kind { return v.v.Kind() }

// Set assigns x to v.
func (v Value) Set(x Value) { v.v.Set(x.v) }

// Elem returns what the interface or pointer v holds.
func (v Value) Elem() Value {
	if k := v.Kind(); k != Interface && k != Pointer {
		panic(&ValueError{Method: "reflectlite.Value.Elem", Kind: k})
	}
	return Value{v.v.Elem()}
}

// IsNil reports whether v, a chan, func, interface, map, pointer, slice
// or unsafe pointer, is nil.
func (v Value) IsNil() bool {
	switch v.Kind() {
	case Chan, Func, Interface, Map, Pointer, Slice, UnsafePointer:
		return v.v.IsNil()
	}
	panic(&ValueError{Method: "reflectlite.Value.IsNil", Kind: v.Kind()})
}

// Len returns the length of v, an array, chan, map, slice or string.
func (v Value) Len() int {
	switch v.Kind() {
	case Array, Chan, Map, Slice, String:
		return v.v.Len()
	}
	panic(&ValueError{Method: "reflectlite.Value.Len", Kind: v.Kind()})
}

// Type returns v's type.
func (v Value) Type() Type {
	if !v.IsValid() {
		panic(&ValueError{Method: "reflectlite.Value.Type", Kind: Invalid})
	}
	return v.v.Type()
}

// Swapper returns a function that swaps the elements of the slice.
func Swapper(slice any) func(i, j int) { return reflect.Swapper(slice) }
