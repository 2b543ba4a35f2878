// Value: a Go value seen through its type descriptor.
//
// A Value is (type, pointer, flag). With flagIndir, ptr points to the
// value; without it the value is of a direct kind (abi.go) and ptr is the
// value itself. flagAddr marks a value that is a variable's memory (from
// Elem of a pointer, Index of a slice, their fields and elements): it may
// be set (unless read-only) and its address taken. The read-only flags
// mark values reached through unexported fields, which Interface and the
// Set methods refuse, as gc's reflect does.

package reflect

import (
	"math"
	"unsafe"
)

// Value is the reflection interface to a Go value.
type Value struct {
	typ  *rtype
	ptr  unsafe.Pointer
	flag flag
}

type flag uintptr

const (
	flagKindMask flag = 1<<5 - 1
	flagStickyRO flag = 1 << 5
	flagEmbedRO  flag = 1 << 6
	flagIndir    flag = 1 << 7
	flagAddr     flag = 1 << 8
	flagRO            = flagStickyRO | flagEmbedRO
)

func (f flag) kind() Kind { return Kind(f & flagKindMask) }

// ro is the read-only flag a value derived from one with f gets.
func (f flag) ro() flag {
	if f&flagRO != 0 {
		return flagStickyRO
	}
	return 0
}

// A ValueError occurs when a Value method is invoked on a Value that does
// not support it.
type ValueError struct {
	Method string
	Kind   Kind
}

func (e *ValueError) Error() string {
	if e.Kind == 0 {
		return "reflect: call of " + e.Method + " on zero Value"
	}
	return "reflect: call of " + e.Method + " on " + e.Kind.String() + " Value"
}

// mustBe panics, naming method, unless f is of kind expected.
func (f flag) mustBe(expected Kind, method string) {
	if f.kind() != expected {
		panic(&ValueError{method, f.kind()})
	}
}

func (f flag) mustBeExported(method string) {
	if f == 0 {
		panic(&ValueError{method, Invalid})
	}
	if f&flagRO != 0 {
		panic("reflect: " + method + " using value obtained using unexported field")
	}
}

func (f flag) mustBeAssignable(method string) {
	if f == 0 {
		panic(&ValueError{method, Invalid})
	}
	if f&flagRO != 0 {
		panic("reflect: " + method + " using value obtained using unexported field")
	}
	if f&flagAddr == 0 {
		panic("reflect: " + method + " using unaddressable value")
	}
}

// ValueOf returns a new Value initialized to the concrete value stored in
// i; ValueOf(nil) is the zero Value.
func ValueOf(i any) Value {
	if i == nil {
		return Value{}
	}
	return unpackEface(i)
}

func unpackEface(i any) Value {
	e := (*eface)(unsafe.Pointer(&i))
	t := e.typ
	if t == nil {
		return Value{}
	}
	f := flag(t.kind)
	if !t.direct() {
		f |= flagIndir
	}
	return Value{t, e.word, f}
}

// packEface is v as an interface value (the value copied when v is a
// variable, which may change afterwards).
func packEface(v Value) any {
	var i any
	e := (*eface)(unsafe.Pointer(&i))
	t := v.typ
	switch {
	case t.direct():
		e.word = v.pointer()
	case v.flag&flagAddr != 0:
		c := unsafe_New(t)
		typedmemmove(t, c, v.ptr)
		e.word = c
	default:
		e.word = v.ptr
	}
	e.typ = t
	return i
}

// pointer is the word of a value of direct kind.
func (v Value) pointer() unsafe.Pointer {
	if v.flag&flagIndir != 0 {
		return *(*unsafe.Pointer)(v.ptr)
	}
	return v.ptr
}

// data is the address of v's value (a copy for a direct value held in v).
func (v Value) data() unsafe.Pointer {
	if v.flag&flagIndir != 0 {
		return v.ptr
	}
	p := new(unsafe.Pointer)
	*p = v.ptr
	return unsafe.Pointer(p)
}

// storeTo copies v's value to dst, which holds a value of v's type. A
// direct value's word is stored as it is: data would box it on the heap
// first (json's decoder sets every pointer it allocates through Set).
func (v Value) storeTo(dst unsafe.Pointer) {
	if v.flag&flagIndir == 0 {
		*(*unsafe.Pointer)(dst) = v.ptr
		return
	}
	typedmemmove(v.typ, dst, v.ptr)
}

// Zero returns a Value representing the zero value for the specified type.
func Zero(typ Type) Value {
	if typ == nil {
		panic("reflect: Zero(nil)")
	}
	t := typ.common()
	if t.direct() {
		return Value{t, nil, flag(t.kind)}
	}
	if t.size <= maxZero {
		// Not addressable, so never written through: one shared block of
		// zeros serves every small type, as in gc.
		return Value{t, unsafe.Pointer(&zeroVal[0]), flag(t.kind) | flagIndir}
	}
	return Value{t, unsafe_New(t), flag(t.kind) | flagIndir}
}

// maxZero: the largest type Zero gives a view of zeroVal.
const maxZero = 1024

// zeroVal: the zeros that Zero's values of small types read (words, for
// the alignment of any type).
var zeroVal [maxZero / 8]uint64

// New returns a Value representing a pointer to a new zero value for the
// specified type.
func New(typ Type) Value {
	if typ == nil {
		panic("reflect: New(nil)")
	}
	t := typ.common()
	return Value{ptrTo(t), unsafe_New(t), flag(Pointer)}
}

// NewAt returns a Value representing a pointer to a value of the
// specified type at p.
func NewAt(typ Type, p unsafe.Pointer) Value {
	return Value{ptrTo(typ.common()), p, flag(Pointer)}
}

// Indirect returns the value that v points to (v itself if it is not a
// pointer; the zero Value for a nil pointer).
func Indirect(v Value) Value {
	if v.Kind() != Pointer {
		return v
	}
	return v.Elem()
}

func (v Value) IsValid() bool { return v.flag != 0 }

func (v Value) Kind() Kind { return v.flag.kind() }

func (v Value) Type() Type {
	if v.flag == 0 {
		panic(&ValueError{"reflect.Value.Type", Invalid})
	}
	return v.typ
}

func (v Value) CanAddr() bool { return v.flag&flagAddr != 0 }

func (v Value) CanSet() bool { return v.flag&(flagAddr|flagRO) == flagAddr }

func (v Value) CanInterface() bool {
	if v.flag == 0 {
		panic(&ValueError{"reflect.Value.CanInterface", Invalid})
	}
	return v.flag&flagRO == 0
}

// Interface returns v's current value as an interface{}.
func (v Value) Interface() any {
	return valueInterface(v, true)
}

func valueInterface(v Value, safe bool) any {
	if v.flag == 0 {
		panic(&ValueError{"reflect.Value.Interface", Invalid})
	}
	if safe && v.flag&flagRO != 0 {
		panic("reflect.Value.Interface: cannot return value obtained from unexported field or method")
	}
	if v.Kind() == Interface {
		return *(*any)(v.ptr)
	}
	return packEface(v)
}

// Addr returns a pointer value representing the address of v.
func (v Value) Addr() Value {
	if v.flag&flagAddr == 0 {
		panic("reflect.Value.Addr of unaddressable value")
	}
	return Value{ptrTo(v.typ), v.ptr, v.flag.ro() | flag(Pointer)}
}

func (v Value) Bool() bool {
	if v.Kind() != Bool {
		panic(&ValueError{"reflect.Value.Bool", v.Kind()})
	}
	return *(*bool)(v.ptr)
}

func (v Value) Int() int64 {
	p := v.ptr
	switch v.Kind() {
	case Int:
		return int64(*(*int)(p))
	case Int8:
		return int64(*(*int8)(p))
	case Int16:
		return int64(*(*int16)(p))
	case Int32:
		return int64(*(*int32)(p))
	case Int64:
		return *(*int64)(p)
	}
	panic(&ValueError{"reflect.Value.Int", v.Kind()})
}

func (v Value) Uint() uint64 {
	p := v.ptr
	switch v.Kind() {
	case Uint:
		return uint64(*(*uint)(p))
	case Uint8:
		return uint64(*(*uint8)(p))
	case Uint16:
		return uint64(*(*uint16)(p))
	case Uint32:
		return uint64(*(*uint32)(p))
	case Uint64:
		return *(*uint64)(p)
	case Uintptr:
		return uint64(*(*uintptr)(p))
	}
	panic(&ValueError{"reflect.Value.Uint", v.Kind()})
}

func (v Value) Float() float64 {
	switch v.Kind() {
	case Float32:
		return float64(*(*float32)(v.ptr))
	case Float64:
		return *(*float64)(v.ptr)
	}
	panic(&ValueError{"reflect.Value.Float", v.Kind()})
}

func (v Value) Complex() complex128 {
	switch v.Kind() {
	case Complex64:
		return complex128(*(*complex64)(v.ptr))
	case Complex128:
		return *(*complex128)(v.ptr)
	}
	panic(&ValueError{"reflect.Value.Complex", v.Kind()})
}

// String returns the string v's underlying value, as a string; for other
// kinds "<T Value>".
func (v Value) String() string {
	if v.Kind() == String {
		return *(*string)(v.ptr)
	}
	if v.Kind() == Invalid {
		return "<invalid Value>"
	}
	return "<" + v.Type().String() + " Value>"
}

func (v Value) Bytes() []byte {
	switch v.Kind() {
	case Slice:
		if v.typ.elem.Kind() != Uint8 {
			panic("reflect.Value.Bytes of non-byte slice")
		}
		return *(*[]byte)(v.ptr)
	case Array:
		if v.typ.elem.Kind() != Uint8 {
			panic("reflect.Value.Bytes of non-byte array")
		}
		if !v.CanAddr() {
			panic("reflect.Value.Bytes of unaddressable byte array")
		}
		return unsafe.Slice((*byte)(v.ptr), int(v.typ.len))
	}
	panic(&ValueError{"reflect.Value.Bytes", v.Kind()})
}

func (v Value) CanInt() bool {
	switch v.Kind() {
	case Int, Int8, Int16, Int32, Int64:
		return true
	}
	return false
}

func (v Value) CanUint() bool {
	switch v.Kind() {
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return true
	}
	return false
}

func (v Value) CanFloat() bool {
	k := v.Kind()
	return k == Float32 || k == Float64
}

func (v Value) CanComplex() bool {
	k := v.Kind()
	return k == Complex64 || k == Complex128
}

func (v Value) OverflowInt(x int64) bool {
	switch v.Kind() {
	case Int, Int8, Int16, Int32, Int64:
		return v.typ.OverflowInt(x)
	}
	panic(&ValueError{"reflect.Value.OverflowInt", v.Kind()})
}

func (v Value) OverflowUint(x uint64) bool {
	switch v.Kind() {
	case Uint, Uintptr, Uint8, Uint16, Uint32, Uint64:
		return v.typ.OverflowUint(x)
	}
	panic(&ValueError{"reflect.Value.OverflowUint", v.Kind()})
}

func (v Value) OverflowFloat(x float64) bool {
	switch v.Kind() {
	case Float32, Float64:
		return v.typ.OverflowFloat(x)
	}
	panic(&ValueError{"reflect.Value.OverflowFloat", v.Kind()})
}

func (v Value) OverflowComplex(x complex128) bool {
	switch v.Kind() {
	case Complex64, Complex128:
		return v.typ.OverflowComplex(x)
	}
	panic(&ValueError{"reflect.Value.OverflowComplex", v.Kind()})
}

func (v Value) Len() int {
	switch v.Kind() {
	case Slice:
		return (*sliceHeader)(v.ptr).len
	case Array:
		return int(v.typ.len)
	case String:
		return (*stringHeader)(v.ptr).len
	case Map:
		m := v.pointer()
		if m == nil {
			return 0
		}
		return *(*int)(m)
	case Chan:
		return chanlen(v.pointer())
	case Pointer:
		if v.typ.elem.Kind() == Array {
			return int(v.typ.elem.len)
		}
		panic("reflect: call of reflect.Value.Len on ptr to non-array Value")
	}
	panic(&ValueError{"reflect.Value.Len", v.Kind()})
}

func (v Value) Cap() int {
	switch v.Kind() {
	case Slice:
		return (*sliceHeader)(v.ptr).cap
	case Array:
		return int(v.typ.len)
	case Chan:
		return chancap(v.pointer())
	case Pointer:
		if v.typ.elem.Kind() == Array {
			return int(v.typ.elem.len)
		}
		panic("reflect: call of reflect.Value.Cap on ptr to non-array Value")
	}
	panic(&ValueError{"reflect.Value.Cap", v.Kind()})
}

// Index returns v's i'th element.
func (v Value) Index(i int) Value {
	switch v.Kind() {
	case Array:
		t := v.typ
		if uint(i) >= uint(t.len) {
			panic("reflect: array index out of range")
		}
		fl := v.flag&(flagIndir|flagAddr) | v.flag.ro() | flag(t.elem.kind)
		return Value{t.elem, unsafe.Add(v.ptr, uintptr(i)*t.elem.size), fl}
	case Slice:
		s := (*sliceHeader)(v.ptr)
		if uint(i) >= uint(s.len) {
			panic("reflect: slice index out of range")
		}
		e := v.typ.elem
		fl := flagAddr | flagIndir | v.flag.ro() | flag(e.kind)
		return Value{e, unsafe.Add(s.data, uintptr(i)*e.size), fl}
	case String:
		s := (*stringHeader)(v.ptr)
		if uint(i) >= uint(s.len) {
			panic("reflect: string index out of range")
		}
		return Value{uint8Type, unsafe.Add(s.data, i), v.flag.ro() | flag(Uint8) | flagIndir}
	}
	panic(&ValueError{"reflect.Value.Index", v.Kind()})
}

// Elem returns the value that the interface v contains or that the
// pointer v points to.
func (v Value) Elem() Value {
	switch v.Kind() {
	case Interface:
		x := unpackEface(*(*any)(v.ptr))
		if x.flag != 0 {
			x.flag |= v.flag.ro()
		}
		return x
	case Pointer:
		p := v.pointer()
		if p == nil {
			return Value{}
		}
		e := v.typ.elem
		return Value{e, p, v.flag.ro() | flagIndir | flagAddr | flag(e.kind)}
	}
	panic(&ValueError{"reflect.Value.Elem", v.Kind()})
}

func (v Value) NumField() int {
	v.flag.mustBe(Struct, "reflect.Value.NumField")
	return v.typ.nfields
}

// Field returns the i'th field of the struct v.
func (v Value) Field(i int) Value {
	if v.Kind() != Struct {
		panic(&ValueError{"reflect.Value.Field", v.Kind()})
	}
	if uint(i) >= uint(v.typ.nfields) {
		panic("reflect: Field index out of range")
	}
	f := v.typ.field(i)
	fl := v.flag&(flagStickyRO|flagIndir|flagAddr) | flag(f.typ.kind)
	if !isExportedName(f.name) {
		if f.embedded != 0 {
			fl |= flagEmbedRO
		} else {
			fl |= flagStickyRO
		}
	}
	return Value{f.typ, unsafe.Add(v.ptr, f.offset), fl}
}

// FieldByIndex returns the nested field corresponding to index, panicking
// on a nil embedded pointer on the way.
func (v Value) FieldByIndex(index []int) Value {
	if len(index) == 1 {
		return v.Field(index[0])
	}
	v.flag.mustBe(Struct, "reflect.Value.FieldByIndex")
	for i, x := range index {
		if i > 0 && v.Kind() == Pointer && v.typ.elem.Kind() == Struct {
			if v.IsNil() {
				panic("reflect: indirection through nil pointer to embedded struct")
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

// FieldByIndexErr is FieldByIndex, with an error instead of a panic for a
// nil embedded pointer.
func (v Value) FieldByIndexErr(index []int) (Value, error) {
	if len(index) == 1 {
		return v.Field(index[0]), nil
	}
	v.flag.mustBe(Struct, "reflect.Value.FieldByIndexErr")
	for i, x := range index {
		if i > 0 && v.Kind() == Pointer && v.typ.elem.Kind() == Struct {
			if v.IsNil() {
				return Value{}, &nilEmbeddedError{v.typ.elem.Name()}
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v, nil
}

type nilEmbeddedError struct{ name string }

func (e *nilEmbeddedError) Error() string {
	return "reflect: indirection through nil pointer to embedded struct field " + e.name
}

func (v Value) FieldByName(name string) Value {
	if v.Kind() != Struct {
		panic(&ValueError{"reflect.Value.FieldByName", v.Kind()})
	}
	if f, ok := v.typ.FieldByName(name); ok {
		return v.FieldByIndex(f.Index)
	}
	return Value{}
}

func (v Value) FieldByNameFunc(match func(string) bool) Value {
	if f, ok := v.typ.FieldByNameFunc(match); ok {
		return v.FieldByIndex(f.Index)
	}
	return Value{}
}

// IsNil reports whether its argument v is nil.
func (v Value) IsNil() bool {
	switch v.Kind() {
	case Chan, Func, Map, Pointer, UnsafePointer:
		return v.pointer() == nil
	case Interface, Slice:
		return *(*unsafe.Pointer)(v.ptr) == nil
	}
	panic(&ValueError{"reflect.Value.IsNil", v.Kind()})
}

// IsZero reports whether v is the zero value for its type.
func (v Value) IsZero() bool {
	switch v.Kind() {
	case Bool:
		return !v.Bool()
	case Int, Int8, Int16, Int32, Int64:
		return v.Int() == 0
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return v.Uint() == 0
	case Float32, Float64:
		return math.Float64bits(v.Float()) == 0
	case Complex64, Complex128:
		c := v.Complex()
		return math.Float64bits(real(c)) == 0 && math.Float64bits(imag(c)) == 0
	case Array:
		n := v.Len()
		for i := 0; i < n; i++ {
			if !v.Index(i).IsZero() {
				return false
			}
		}
		return true
	case Chan, Func, Interface, Map, Pointer, Slice, UnsafePointer:
		return v.IsNil()
	case String:
		return v.Len() == 0
	case Struct:
		n := v.NumField()
		for i := 0; i < n; i++ {
			if !v.Field(i).IsZero() {
				return false
			}
		}
		return true
	}
	panic(&ValueError{"reflect.Value.IsZero", v.Kind()})
}

// SetZero sets v to be the zero value of v's type.
func (v Value) SetZero() {
	v.flag.mustBeAssignable("reflect.Value.SetZero")
	Zero(v.typ).storeTo(v.ptr)
}

// Pointer returns v's value as a uintptr.
func (v Value) Pointer() uintptr {
	return uintptr(v.UnsafePointer())
}

// UnsafePointer returns v's value as an unsafe.Pointer.
func (v Value) UnsafePointer() unsafe.Pointer {
	switch v.Kind() {
	case Chan, Map, Pointer, UnsafePointer:
		return v.pointer()
	case Func:
		// A func value points to its closure, whose first word is the
		// code: gc's Pointer gives the code (runtime.FuncForPC takes it).
		p := v.pointer()
		if p != nil {
			p = *(*unsafe.Pointer)(p)
		}
		return p
	case Slice:
		return (*sliceHeader)(v.ptr).data
	case String:
		return (*stringHeader)(v.ptr).data
	}
	panic(&ValueError{"reflect.Value.UnsafePointer", v.Kind()})
}

// UnsafeAddr returns a pointer to v's data.
func (v Value) UnsafeAddr() uintptr {
	if v.flag == 0 {
		panic(&ValueError{"reflect.Value.UnsafeAddr", Invalid})
	}
	if v.flag&flagAddr == 0 {
		panic("reflect.Value.UnsafeAddr of unaddressable value")
	}
	return uintptr(v.ptr)
}

// Set assigns x to the value v.
func (v Value) Set(x Value) {
	v.flag.mustBeAssignable("reflect.Set")
	x.flag.mustBeExported("reflect.Set")
	x.assignTo("reflect.Set", v.typ).storeTo(v.ptr)
}

// assignTo is v as a value of type dst, which v must be assignable to.
func (v Value) assignTo(context string, dst *rtype) Value {
	switch {
	case directlyAssignable(dst, v.typ):
		fl := v.flag&(flagAddr|flagIndir) | v.flag.ro() | flag(dst.kind)
		return Value{dst, v.ptr, fl}
	case implements(dst, v.typ):
		if v.Kind() == Interface && v.IsNil() {
			return Zero(dst)
		}
		x := valueInterface(v, false)
		p := unsafe_New(dst)
		*(*any)(p) = x
		return Value{dst, p, flagIndir | flag(Interface)}
	}
	panic(context + ": value of type " + v.typ.String() + " is not assignable to type " + dst.String())
}

func (v Value) SetBool(x bool) {
	v.flag.mustBeAssignable("reflect.Value.SetBool")
	v.flag.mustBe(Bool, "reflect.Value.SetBool")
	*(*bool)(v.ptr) = x
}

func (v Value) SetInt(x int64) {
	v.flag.mustBeAssignable("reflect.Value.SetInt")
	switch p := v.ptr; v.Kind() {
	case Int:
		*(*int)(p) = int(x)
	case Int8:
		*(*int8)(p) = int8(x)
	case Int16:
		*(*int16)(p) = int16(x)
	case Int32:
		*(*int32)(p) = int32(x)
	case Int64:
		*(*int64)(p) = x
	default:
		panic(&ValueError{"reflect.Value.SetInt", v.Kind()})
	}
}

func (v Value) SetUint(x uint64) {
	v.flag.mustBeAssignable("reflect.Value.SetUint")
	switch p := v.ptr; v.Kind() {
	case Uint:
		*(*uint)(p) = uint(x)
	case Uint8:
		*(*uint8)(p) = uint8(x)
	case Uint16:
		*(*uint16)(p) = uint16(x)
	case Uint32:
		*(*uint32)(p) = uint32(x)
	case Uint64:
		*(*uint64)(p) = x
	case Uintptr:
		*(*uintptr)(p) = uintptr(x)
	default:
		panic(&ValueError{"reflect.Value.SetUint", v.Kind()})
	}
}

func (v Value) SetFloat(x float64) {
	v.flag.mustBeAssignable("reflect.Value.SetFloat")
	switch v.Kind() {
	case Float32:
		*(*float32)(v.ptr) = float32(x)
	case Float64:
		*(*float64)(v.ptr) = x
	default:
		panic(&ValueError{"reflect.Value.SetFloat", v.Kind()})
	}
}

func (v Value) SetComplex(x complex128) {
	v.flag.mustBeAssignable("reflect.Value.SetComplex")
	switch v.Kind() {
	case Complex64:
		*(*complex64)(v.ptr) = complex64(x)
	case Complex128:
		*(*complex128)(v.ptr) = x
	default:
		panic(&ValueError{"reflect.Value.SetComplex", v.Kind()})
	}
}

func (v Value) SetString(x string) {
	v.flag.mustBeAssignable("reflect.Value.SetString")
	v.flag.mustBe(String, "reflect.Value.SetString")
	*(*string)(v.ptr) = x
}

func (v Value) SetBytes(x []byte) {
	v.flag.mustBeAssignable("reflect.Value.SetBytes")
	v.flag.mustBe(Slice, "reflect.Value.SetBytes")
	if v.typ.elem.Kind() != Uint8 {
		panic("reflect.Value.SetBytes of non-byte slice")
	}
	*(*[]byte)(v.ptr) = x
}

func (v Value) SetLen(n int) {
	v.flag.mustBeAssignable("reflect.Value.SetLen")
	v.flag.mustBe(Slice, "reflect.Value.SetLen")
	s := (*sliceHeader)(v.ptr)
	if uint(n) > uint(s.cap) {
		panic("reflect: slice length out of range in SetLen")
	}
	s.len = n
}

func (v Value) SetCap(n int) {
	v.flag.mustBeAssignable("reflect.Value.SetCap")
	v.flag.mustBe(Slice, "reflect.Value.SetCap")
	s := (*sliceHeader)(v.ptr)
	if n < s.len || n > s.cap {
		panic("reflect: slice capacity out of range in SetCap")
	}
	s.cap = n
}

func (v Value) SetPointer(x unsafe.Pointer) {
	v.flag.mustBeAssignable("reflect.Value.SetPointer")
	v.flag.mustBe(UnsafePointer, "reflect.Value.SetPointer")
	*(*unsafe.Pointer)(v.ptr) = x
}

// Slice returns v[i:j].
func (v Value) Slice(i, j int) Value {
	var base unsafe.Pointer
	var capacity int
	var typ *rtype
	switch v.Kind() {
	case Array:
		if v.flag&flagAddr == 0 {
			panic("reflect.Value.Slice: slice of unaddressable array")
		}
		base, capacity, typ = v.ptr, int(v.typ.len), sliceOf(v.typ.elem)
	case Slice:
		s := (*sliceHeader)(v.ptr)
		base, capacity, typ = s.data, s.cap, v.typ
	case String:
		s := (*stringHeader)(v.ptr)
		if i < 0 || j < i || j > s.len {
			panic("reflect.Value.Slice: string slice index out of bounds")
		}
		p := new(string)
		*p = (*(*string)(v.ptr))[i:j]
		return Value{v.typ, unsafe.Pointer(p), v.flag.ro() | flagIndir | flag(String)}
	default:
		panic(&ValueError{"reflect.Value.Slice", v.Kind()})
	}
	if i < 0 || j < i || j > capacity {
		panic("reflect.Value.Slice: slice index out of bounds")
	}
	return v.makeSlice(typ, base, i, j, capacity)
}

// Slice3 is the 3-index form of the slice operation: it returns v[i:j:k].
func (v Value) Slice3(i, j, k int) Value {
	var base unsafe.Pointer
	var capacity int
	var typ *rtype
	switch v.Kind() {
	case Array:
		if v.flag&flagAddr == 0 {
			panic("reflect.Value.Slice3: slice of unaddressable array")
		}
		base, capacity, typ = v.ptr, int(v.typ.len), sliceOf(v.typ.elem)
	case Slice:
		s := (*sliceHeader)(v.ptr)
		base, capacity, typ = s.data, s.cap, v.typ
	default:
		panic(&ValueError{"reflect.Value.Slice3", v.Kind()})
	}
	if i < 0 || j < i || k < j || k > capacity {
		panic("reflect.Value.Slice3: slice index out of bounds")
	}
	return v.makeSlice(typ, base, i, j, k)
}

// makeSlice is the slice [i:j:k] of the array at base, of slice type typ.
func (v Value) makeSlice(typ *rtype, base unsafe.Pointer, i, j, k int) Value {
	s := (*sliceHeader)(unsafe_New(typ))
	s.len = j - i
	s.cap = k - i
	if k-i > 0 {
		s.data = unsafe.Add(base, uintptr(i)*typ.elem.size)
	} else {
		s.data = base
	}
	return Value{typ, unsafe.Pointer(s), v.flag.ro() | flagIndir | flag(Slice)}
}

// MakeSlice creates a new zero-initialized slice value for the specified
// slice type, length, and capacity.
func MakeSlice(typ Type, len, cap int) Value {
	if typ.Kind() != Slice {
		panic("reflect.MakeSlice of non-slice type")
	}
	if len < 0 {
		panic("reflect.MakeSlice: negative len")
	}
	if cap < 0 {
		panic("reflect.MakeSlice: negative cap")
	}
	if len > cap {
		panic("reflect.MakeSlice: len > cap")
	}
	t := typ.common()
	s := (*sliceHeader)(unsafe_New(t))
	s.data = unsafe_NewArray(t.elem, cap)
	s.len = len
	s.cap = cap
	return Value{t, unsafe.Pointer(s), flagIndir | flag(Slice)}
}

// extendSlice is v (a slice) made longer by n, with gc's growth.
func (v Value) extendSlice(n int) Value {
	v.flag.mustBeExported("reflect.Append")
	v.flag.mustBe(Slice, "reflect.Append")
	s := *(*sliceHeader)(v.ptr)
	p := (*sliceHeader)(unsafe_New(v.typ))
	*p = s
	v.ptr = unsafe.Pointer(p)
	v.flag = flagIndir | flag(Slice)
	v.grow(n)
	p.len += n
	return v
}

// grow makes room for n more elements in the slice at v.ptr.
func (v Value) grow(n int) {
	p := (*sliceHeader)(v.ptr)
	if n < 0 {
		panic("reflect.Value.Grow: negative len")
	}
	if p.len+n < 0 {
		panic("reflect.Value.Grow: slice overflow")
	}
	if p.len+n > p.cap {
		e := v.typ.elem
		data, c := growslice(p.data, p.len, p.cap, p.len+n, e.size, e.allocAlign())
		if data == nil {
			panic("reflect.Value.Grow: slice overflow")
		}
		// growslice leaves the room up to the new length to its caller,
		// which append fills; Grow fills nothing, so it zeroes the room.
		clear(unsafe.Slice((*byte)(unsafe.Add(data, uintptr(p.len)*e.size)), uintptr(n)*e.size))
		p.data = data
		p.cap = c
	}
}

// Grow increases the slice's capacity, if necessary, to guarantee space
// for another n elements.
func (v Value) Grow(n int) {
	v.flag.mustBeAssignable("reflect.Value.Grow")
	v.flag.mustBe(Slice, "reflect.Value.Grow")
	v.grow(n)
}

// Clear clears the contents of a map or zeros the contents of a slice.
func (v Value) Clear() {
	switch v.Kind() {
	case Slice:
		s := (*sliceHeader)(v.ptr)
		z := unsafe_NewArray(v.typ.elem, s.len)
		typedmemmove(arrayOfLen(v.typ.elem, s.len), s.data, z)
	case Map:
		for _, k := range v.MapKeys() {
			v.SetMapIndex(k, Value{})
		}
	default:
		panic(&ValueError{"reflect.Value.Clear", v.Kind()})
	}
}

// arrayOfLen is [n]t, for copies of n elements.
func arrayOfLen(t *rtype, n int) *rtype {
	return arrayOf(n, t)
}

// Append appends the values x to a slice s and returns the resulting slice.
func Append(s Value, x ...Value) Value {
	s.flag.mustBe(Slice, "reflect.Append")
	n := s.Len()
	s = s.extendSlice(len(x))
	for i, v := range x {
		s.Index(n + i).Set(v)
	}
	return s
}

// AppendSlice appends a slice t to a slice s and returns the resulting slice.
func AppendSlice(s, t Value) Value {
	s.flag.mustBe(Slice, "reflect.AppendSlice")
	t.flag.mustBe(Slice, "reflect.AppendSlice")
	if !identical(s.typ.elem, t.typ.elem) {
		panic("reflect.AppendSlice: " + s.typ.String() + " != " + t.typ.String())
	}
	ns := s.Len()
	nt := t.Len()
	s = s.extendSlice(nt)
	Copy(s.Slice(ns, ns+nt), t)
	return s
}

// Copy copies the contents of src into dst until either dst has been
// filled or src has been exhausted, and returns the number copied.
func Copy(dst, src Value) int {
	dk := dst.Kind()
	if dk != Array && dk != Slice {
		panic(&ValueError{"reflect.Copy", dk})
	}
	if dk == Array {
		dst.flag.mustBeAssignable("reflect.Copy")
	}
	dst.flag.mustBeExported("reflect.Copy")
	sk := src.Kind()
	var stringCopy bool
	if sk != Array && sk != Slice {
		stringCopy = sk == String && dst.typ.elem.Kind() == Uint8
		if !stringCopy {
			panic(&ValueError{"reflect.Copy", sk})
		}
	}
	src.flag.mustBeExported("reflect.Copy")
	de := dst.typ.elem
	if !stringCopy && !identical(de, src.typ.elem) {
		panic("reflect.Copy: " + de.String() + " != " + src.typ.elem.String())
	}
	dp, dn := dst.base()
	sp, sn := src.base()
	n := dn
	if sn < n {
		n = sn
	}
	if n > 0 {
		typedmemmove(arrayOfLen(de, n), dp, sp)
	}
	return n
}

// base is the first element and length of an array, slice or string.
func (v Value) base() (unsafe.Pointer, int) {
	switch v.Kind() {
	case Array:
		return v.ptr, int(v.typ.len)
	case Slice:
		s := (*sliceHeader)(v.ptr)
		return s.data, s.len
	}
	s := (*stringHeader)(v.ptr)
	return s.data, s.len
}

// copyVal is a Value of type typ holding a copy of the value at ptr.
func copyVal(typ *rtype, fl flag, ptr unsafe.Pointer) Value {
	if typ.direct() {
		return Value{typ, *(*unsafe.Pointer)(ptr), fl}
	}
	c := unsafe_New(typ)
	typedmemmove(typ, c, ptr)
	return Value{typ, c, fl | flagIndir}
}

// MakeMap creates a new map with the specified type.
func MakeMap(typ Type) Value {
	return MakeMapWithSize(typ, 0)
}

// MakeMapWithSize creates a new map with the specified type and initial
// space for approximately n elements.
func MakeMapWithSize(typ Type, n int) Value {
	if typ.Kind() != Map {
		panic("reflect.MakeMapWithSize of non-map type")
	}
	t := typ.common()
	return Value{t, makemap(t, n), flag(Map)}
}

// MapIndex returns the value associated with key in the map v, or the
// zero Value if key is not found.
func (v Value) MapIndex(key Value) Value {
	v.flag.mustBe(Map, "reflect.Value.MapIndex")
	key = key.assignTo("reflect.Value.MapIndex", v.typ.key)
	e := mapaccess(v.typ, v.pointer(), key.data())
	if e == nil {
		return Value{}
	}
	fl := (v.flag | key.flag).ro() | flag(v.typ.elem.kind)
	return copyVal(v.typ.elem, fl, e)
}

// MapKeys returns a slice containing all the keys present in the map, in
// unspecified order.
func (v Value) MapKeys() []Value {
	v.flag.mustBe(Map, "reflect.Value.MapKeys")
	kt := v.typ.key
	fl := v.flag.ro() | flag(kt.kind)
	m := v.pointer()
	n := 0
	if m != nil {
		n = *(*int)(m)
	}
	keys := make([]Value, 0, n)
	var it hiter
	mapiterinit(m, &it)
	for mapiternext(&it) {
		keys = append(keys, copyVal(kt, fl, it.key))
	}
	return keys
}

// SetMapIndex sets the element associated with key in the map v to elem;
// the zero Value as elem deletes the key.
func (v Value) SetMapIndex(key, elem Value) {
	v.flag.mustBe(Map, "reflect.Value.SetMapIndex")
	v.flag.mustBeExported("reflect.Value.SetMapIndex")
	key.flag.mustBeExported("reflect.Value.SetMapIndex")
	key = key.assignTo("reflect.Value.SetMapIndex", v.typ.key)
	if elem.flag == 0 {
		mapdelete(v.typ, v.pointer(), key.data())
		return
	}
	elem.flag.mustBeExported("reflect.Value.SetMapIndex")
	elem = elem.assignTo("reflect.Value.SetMapIndex", v.typ.elem)
	elem.storeTo(mapassign(v.typ, v.pointer(), key.data()))
}

// A MapIter is an iterator for ranging over a map.
type MapIter struct {
	m     Value
	it    hiter
	begun bool
	done  bool
}

// MapRange returns a range iterator for a map.
func (v Value) MapRange() *MapIter {
	if v.Kind() != Map {
		panic(&ValueError{"reflect.Value.MapRange", v.Kind()})
	}
	return &MapIter{m: v}
}

// Next advances the map iterator and reports whether there is another
// entry.
func (iter *MapIter) Next() bool {
	if !iter.m.IsValid() {
		panic("MapIter.Next called on an iterator that does not have an associated map Value")
	}
	if iter.done {
		panic("MapIter.Next called on exhausted iterator")
	}
	if !iter.begun {
		iter.begun = true
		mapiterinit(iter.m.pointer(), &iter.it)
	}
	if !mapiternext(&iter.it) {
		iter.done = true
		return false
	}
	return true
}

// Key returns the key of iter's current map entry.
func (iter *MapIter) Key() Value {
	if !iter.begun || iter.done {
		panic("MapIter.Key called before Next")
	}
	t := iter.m.typ.key
	return copyVal(t, iter.m.flag.ro()|flag(t.kind), iter.it.key)
}

// Value returns the value of iter's current map entry.
func (iter *MapIter) Value() Value {
	if !iter.begun || iter.done {
		panic("MapIter.Value called before Next")
	}
	t := iter.m.typ.elem
	return copyVal(t, iter.m.flag.ro()|flag(t.kind), iter.it.elem)
}

// Reset modifies iter to iterate over v.
func (iter *MapIter) Reset(v Value) {
	if v.IsValid() {
		v.flag.mustBe(Map, "reflect.MapIter.Reset")
	}
	*iter = MapIter{m: v}
}

// SetIterKey assigns to v the key of iter's current map entry.
func (v Value) SetIterKey(iter *MapIter) {
	v.Set(iter.Key())
}

// SetIterValue assigns to v the value of iter's current map entry.
func (v Value) SetIterValue(iter *MapIter) {
	v.Set(iter.Value())
}

// NumMethod returns the number of methods in the value's method set.
func (v Value) NumMethod() int {
	if v.flag == 0 {
		panic(&ValueError{"reflect.Value.NumMethod", Invalid})
	}
	return v.typ.NumMethod()
}

// Comparable reports whether the value v is comparable.
func (v Value) Comparable() bool {
	switch v.Kind() {
	case Invalid:
		return false
	case Array:
		for i := 0; i < v.Len(); i++ {
			if !v.Index(i).Comparable() {
				return false
			}
		}
		return true
	case Struct:
		for i := 0; i < v.NumField(); i++ {
			if !v.Field(i).Comparable() {
				return false
			}
		}
		return true
	case Interface:
		return v.IsNil() || v.Elem().Comparable()
	}
	return v.typ.Comparable()
}

// Equal reports true if v is equal to u.
func (v Value) Equal(u Value) bool {
	if v.Kind() == Interface {
		v = v.Elem()
	}
	if u.Kind() == Interface {
		u = u.Elem()
	}
	if !v.IsValid() || !u.IsValid() {
		return v.IsValid() == u.IsValid()
	}
	if v.Kind() != u.Kind() || v.typ != u.typ {
		return false
	}
	switch v.Kind() {
	case Bool:
		return v.Bool() == u.Bool()
	case Int, Int8, Int16, Int32, Int64:
		return v.Int() == u.Int()
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return v.Uint() == u.Uint()
	case Float32, Float64:
		return v.Float() == u.Float()
	case Complex64, Complex128:
		return v.Complex() == u.Complex()
	case String:
		return v.String() == u.String()
	case Chan, Pointer, UnsafePointer:
		return v.pointer() == u.pointer()
	case Array:
		for i := 0; i < v.Len(); i++ {
			if !v.Index(i).Equal(u.Index(i)) {
				return false
			}
		}
		return true
	case Struct:
		for i := 0; i < v.NumField(); i++ {
			if !v.Field(i).Equal(u.Field(i)) {
				return false
			}
		}
		return true
	}
	panic("reflect.Value.Equal: values of type " + v.Type().String() + " are not comparable")
}

// Swapper returns a function that swaps the elements in the provided slice.
func Swapper(slice any) func(i, j int) {
	v := ValueOf(slice)
	if v.Kind() != Slice {
		panic(&ValueError{"Swapper", v.Kind()})
	}
	s := (*sliceHeader)(v.ptr)
	e := v.typ.elem
	tmp := unsafe_New(e)
	return func(i, j int) {
		if uint(i) >= uint(s.len) || uint(j) >= uint(s.len) {
			panic("reflect: slice index out of range")
		}
		pi := unsafe.Add(s.data, uintptr(i)*e.size)
		pj := unsafe.Add(s.data, uintptr(j)*e.size)
		typedmemmove(e, tmp, pi)
		typedmemmove(e, pi, pj)
		typedmemmove(e, pj, tmp)
	}
}

// TypeAssert is v.Interface().(T), without the intermediate interface
// value's allocation in gc; here it is that very assertion.
func TypeAssert[T any](v Value) (T, bool) {
	if v.flag == 0 {
		panic(&ValueError{"reflect.TypeAssert", Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect.TypeAssert: cannot return value obtained from unexported field or method")
	}
	x, ok := valueInterface(v, false).(T)
	return x, ok
}

// SliceHeader is the runtime representation of a slice (deprecated in
// gc, as in deft: unsafe.Slice and unsafe.SliceData say it safely).
type SliceHeader struct {
	Data uintptr
	Len  int
	Cap  int
}

// StringHeader is the runtime representation of a string (deprecated, as
// SliceHeader).
type StringHeader struct {
	Data uintptr
	Len  int
}
