// Package reflectlite is the part of reflect that errors, sort and
// context use. Upstream's is a copy of reflect's core over gc's type
// descriptors, kept apart so that errors need not import reflect (which
// imports errors); deft's reflect imports neither errors nor strconv, so
// this overlay is reflect's own types and functions under reflectlite's
// names.
package reflectlite

import "reflect"

// Kind, Type, Value and ValueError are reflect's.
type (
	Kind       = reflect.Kind
	Type       = reflect.Type
	Value      = reflect.Value
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

// TypeOf returns the dynamic type of i (nil for a nil interface).
func TypeOf(i any) Type { return reflect.TypeOf(i) }

// ValueOf returns a Value holding the concrete value in i.
func ValueOf(i any) Value { return reflect.ValueOf(i) }

// Swapper returns a function that swaps the elements of the slice.
func Swapper(slice any) func(i, j int) { return reflect.Swapper(slice) }
