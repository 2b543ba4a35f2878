// Value.Seq and Value.Seq2: ranging over a value of any rangeable kind
// (a range function through MakeFunc, as gc does).

package reflect

import "iter"

// rangeInt yields the values 0..n-1 of v's integer type.
func rangeInt(v Value, yield func(Value) bool) {
	t := v.typ
	signed := v.CanInt()
	var n uint64
	if signed {
		if x := v.Int(); x > 0 {
			n = uint64(x)
		}
	} else {
		n = v.Uint()
	}
	for i := uint64(0); i < n; i++ {
		x := New(t).Elem()
		if signed {
			x.SetInt(int64(i))
		} else {
			x.SetUint(i)
		}
		if !yield(Value{t, x.ptr, flagIndir | flag(t.kind)}) {
			return
		}
	}
}

// Seq returns an iter.Seq[Value] that loops over the elements of v as a
// range loop with one variable would: integers up to v, indices of
// arrays, slices and strings, map keys, channel values.
func (v Value) Seq() iter.Seq[Value] {
	switch v.Kind() {
	case Int, Int8, Int16, Int32, Int64, Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return func(yield func(Value) bool) { rangeInt(v, yield) }
	case Pointer:
		if v.typ.elem.Kind() != Array {
			break
		}
		return func(yield func(Value) bool) {
			v = v.Elem()
			for i := 0; i < v.Len(); i++ {
				if !yield(ValueOf(i)) {
					return
				}
			}
		}
	case Array, Slice:
		return func(yield func(Value) bool) {
			for i := 0; i < v.Len(); i++ {
				if !yield(ValueOf(i)) {
					return
				}
			}
		}
	case String:
		return func(yield func(Value) bool) {
			for i := range v.String() {
				if !yield(ValueOf(i)) {
					return
				}
			}
		}
	case Map:
		return func(yield func(Value) bool) {
			i := v.MapRange()
			for i.Next() {
				if !yield(i.Key()) {
					return
				}
			}
		}
	case Chan:
		return func(yield func(Value) bool) {
			for value, ok := v.Recv(); ok; value, ok = v.Recv() {
				if !yield(value) {
					return
				}
			}
		}
	case Func:
		if !v.typ.isRangeFunc(1) {
			break
		}
		return func(yield func(Value) bool) {
			rf := MakeFunc(v.typ.param(0), func(in []Value) []Value {
				return []Value{ValueOf(yield(in[0]))}
			})
			v.Call([]Value{rf})
		}
	}
	panic("reflect: " + v.Type().String() + " cannot produce iter.Seq[Value]")
}

// Seq2 returns an iter.Seq2[Value, Value] that loops over the elements of
// v as a range loop with two variables would: index and element of
// arrays, slices and strings (a string's runes), key and value of maps.
func (v Value) Seq2() iter.Seq2[Value, Value] {
	switch v.Kind() {
	case Pointer:
		if v.typ.elem.Kind() != Array {
			break
		}
		return func(yield func(Value, Value) bool) {
			v = v.Elem()
			for i := 0; i < v.Len(); i++ {
				if !yield(ValueOf(i), v.Index(i)) {
					return
				}
			}
		}
	case Array, Slice:
		return func(yield func(Value, Value) bool) {
			for i := 0; i < v.Len(); i++ {
				if !yield(ValueOf(i), v.Index(i)) {
					return
				}
			}
		}
	case String:
		return func(yield func(Value, Value) bool) {
			for i, r := range v.String() {
				if !yield(ValueOf(i), ValueOf(r)) {
					return
				}
			}
		}
	case Map:
		return func(yield func(Value, Value) bool) {
			i := v.MapRange()
			for i.Next() {
				if !yield(i.Key(), i.Value()) {
					return
				}
			}
		}
	case Func:
		if !v.typ.isRangeFunc(2) {
			break
		}
		return func(yield func(Value, Value) bool) {
			rf := MakeFunc(v.typ.param(0), func(in []Value) []Value {
				return []Value{ValueOf(yield(in[0], in[1]))}
			})
			v.Call([]Value{rf})
		}
	}
	panic("reflect: " + v.Type().String() + " cannot produce iter.Seq2[Value, Value]")
}
