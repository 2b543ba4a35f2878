// Conversions: Type.ConvertibleTo and Value.Convert, by the language's
// rules for non-constant values.

package reflect

import "unsafe"

// convertOp is the function converting a value of type src to type dst,
// or nil when the conversion is not allowed.
func convertOp(dst, src *rtype) func(Value, *rtype) Value {
	sk, dk := src.Kind(), dst.Kind()
	switch {
	case isInt(sk) || isUint(sk):
		switch {
		case isInt(dk) || isUint(dk):
			return cvtInt
		case isFloat(dk):
			return cvtIntFloat
		case dk == String:
			return cvtIntString
		}
	case isFloat(sk):
		switch {
		case isInt(dk) || isUint(dk):
			return cvtFloatInt
		case isFloat(dk):
			return cvtFloat
		}
	case isComplex(sk):
		if isComplex(dk) {
			return cvtComplex
		}
	case sk == String:
		if dk == Slice && !dst.elem.named() {
			switch dst.elem.Kind() {
			case Uint8:
				return cvtStringBytes
			case Int32:
				return cvtStringRunes
			}
		}
	case sk == Slice:
		if dk == String && !src.elem.named() {
			switch src.elem.Kind() {
			case Uint8:
				return cvtBytesString
			case Int32:
				return cvtRunesString
			}
		}
		if dk == Pointer && dst.elem.Kind() == Array && identical(src.elem, dst.elem.elem) {
			return cvtSliceArrayPtr
		}
		if dk == Array && identical(src.elem, dst.elem) {
			return cvtSliceArray
		}
	case sk == Chan:
		if dk == Chan && !dst.named() && src.chanDir == 3 && identical(src.elem, dst.elem) {
			return cvtDirect
		}
	}
	if sk == dk && identicalUnderlying(dst, src) {
		return cvtDirect
	}
	if dk == Pointer && !dst.named() && sk == Pointer && !src.named() &&
		dst.elem.Kind() == src.elem.Kind() && identicalUnderlying(dst.elem, src.elem) {
		return cvtDirect
	}
	if implements(dst, src) {
		if sk == Interface {
			return cvtI2I
		}
		return cvtT2I
	}
	return nil
}

func isInt(k Kind) bool     { return k >= Int && k <= Int64 }
func isUint(k Kind) bool    { return k >= Uint && k <= Uintptr }
func isFloat(k Kind) bool   { return k == Float32 || k == Float64 }
func isComplex(k Kind) bool { return k == Complex64 || k == Complex128 }

// Convert returns the value v converted to type t.
func (v Value) Convert(t Type) Value {
	op := convertOp(t.common(), v.typ)
	if op == nil {
		panic("reflect.Value.Convert: value of type " + v.typ.String() + " cannot be converted to type " + t.String())
	}
	return op(v, t.common())
}

// CanConvert reports whether the value v can be converted to type t.
func (v Value) CanConvert(t Type) bool {
	vt := v.Type()
	if !vt.ConvertibleTo(t) {
		return false
	}
	switch {
	case vt.Kind() == Slice && t.Kind() == Array:
		return t.Len() <= v.Len()
	case vt.Kind() == Slice && t.Kind() == Pointer && t.Elem().Kind() == Array:
		return v.IsNil() || t.Elem().Len() <= v.Len()
	}
	return true
}

// fresh is a new value of type t holding the value at p (t.size bytes).
func fresh(fl flag, t *rtype, p unsafe.Pointer) Value {
	c := unsafe_New(t)
	typedmemmove(t, c, p)
	return Value{t, c, fl.ro() | flagIndir | flag(t.kind)}
}

func makeInt(fl flag, bits uint64, t *rtype) Value {
	return fresh(fl, t, unsafe.Pointer(&bits))
}

func makeFloat(fl flag, f float64, t *rtype) Value {
	if t.size == 4 {
		f32 := float32(f)
		return fresh(fl, t, unsafe.Pointer(&f32))
	}
	return fresh(fl, t, unsafe.Pointer(&f))
}

func makeComplex(fl flag, c complex128, t *rtype) Value {
	if t.size == 8 {
		c64 := complex64(c)
		return fresh(fl, t, unsafe.Pointer(&c64))
	}
	return fresh(fl, t, unsafe.Pointer(&c))
}

func makeString(fl flag, s string, t *rtype) Value {
	return fresh(fl, t, unsafe.Pointer(&s))
}

func makeBytes(fl flag, b []byte, t *rtype) Value {
	return fresh(fl, t, unsafe.Pointer(&b))
}

func makeRunes(fl flag, r []rune, t *rtype) Value {
	return fresh(fl, t, unsafe.Pointer(&r))
}

// intBits is v (an integer) as 64 bits, sign-extended if signed.
func intBits(v Value) uint64 {
	if isInt(v.Kind()) {
		return uint64(v.Int())
	}
	return v.Uint()
}

func cvtInt(v Value, t *rtype) Value { return makeInt(v.flag, intBits(v), t) }

func cvtIntFloat(v Value, t *rtype) Value {
	if isInt(v.Kind()) {
		return makeFloat(v.flag, float64(v.Int()), t)
	}
	return makeFloat(v.flag, float64(v.Uint()), t)
}

func cvtFloatInt(v Value, t *rtype) Value {
	if isInt(t.Kind()) {
		return makeInt(v.flag, uint64(int64(v.Float())), t)
	}
	return makeInt(v.flag, uint64(v.Float()), t)
}

func cvtFloat(v Value, t *rtype) Value {
	if v.Kind() == Float32 && t.Kind() == Float32 {
		// No round trip through float64 for a float32 (a NaN keeps its bits).
		return fresh(v.flag, t, v.ptr)
	}
	return makeFloat(v.flag, v.Float(), t)
}

func cvtComplex(v Value, t *rtype) Value { return makeComplex(v.flag, v.Complex(), t) }

func cvtIntString(v Value, t *rtype) Value {
	s := "\uFFFD"
	if isInt(v.Kind()) {
		if x := v.Int(); int64(rune(x)) == x {
			s = string(rune(x))
		}
	} else if x := v.Uint(); uint64(rune(x)) == x {
		s = string(rune(x))
	}
	return makeString(v.flag, s, t)
}

func cvtStringBytes(v Value, t *rtype) Value {
	return makeBytes(v.flag, []byte(*(*string)(v.ptr)), t)
}

func cvtStringRunes(v Value, t *rtype) Value {
	return makeRunes(v.flag, []rune(*(*string)(v.ptr)), t)
}

func cvtBytesString(v Value, t *rtype) Value {
	return makeString(v.flag, string(*(*[]byte)(v.ptr)), t)
}

func cvtRunesString(v Value, t *rtype) Value {
	return makeString(v.flag, string(*(*[]rune)(v.ptr)), t)
}

func cvtSliceArrayPtr(v Value, t *rtype) Value {
	n := int(t.elem.len)
	s := (*sliceHeader)(v.ptr)
	if n > s.len {
		panic("reflect: cannot convert slice with length " + itoa(s.len) + " to pointer to array with length " + itoa(n))
	}
	return Value{t, s.data, v.flag&^(flagIndir|flagAddr|flagKindMask) | flag(Pointer)}
}

func cvtSliceArray(v Value, t *rtype) Value {
	n := int(t.len)
	s := (*sliceHeader)(v.ptr)
	if n > s.len {
		panic("reflect: cannot convert slice with length " + itoa(s.len) + " to array with length " + itoa(n))
	}
	return fresh(v.flag, t, s.data)
}

func cvtDirect(v Value, t *rtype) Value {
	if v.flag&flagAddr != 0 && !t.direct() {
		// A copy, so that the result does not alias the variable.
		return fresh(v.flag, t, v.ptr)
	}
	return Value{t, v.ptr, v.flag.ro() | v.flag&flagIndir | flag(t.kind)}
}

func cvtT2I(v Value, t *rtype) Value {
	p := unsafe_New(t)
	*(*any)(p) = valueInterface(v, false)
	return Value{t, p, v.flag.ro() | flagIndir | flag(Interface)}
}

func cvtI2I(v Value, t *rtype) Value {
	if v.IsNil() {
		ret := Zero(t)
		ret.flag |= v.flag.ro()
		return ret
	}
	return cvtT2I(v.Elem(), t)
}
