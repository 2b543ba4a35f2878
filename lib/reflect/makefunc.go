// MakeFunc: functions of any type made at run time.
//
// The descriptor of every func type of a program that uses reflect
// carries a stub (crates/lower/src/reflectcall.rs): a closure body of
// that type whose one captured word points to a makeFuncImpl; it stores
// its arguments in a frame (the struct type the call adapter uses too,
// rtype.callFrame) and calls callMakeFunc, then returns the results
// callMakeFunc stored in the frame.

package reflect

import "unsafe"

// makeFuncImpl is what a function made by MakeFunc captures.
type makeFuncImpl struct {
	ftyp *rtype
	fn   func([]Value) []Value
}

// MakeFunc returns a new function of the given Type that wraps the
// function fn.
func MakeFunc(typ Type, fn func(args []Value) (results []Value)) Value {
	if typ.Kind() != Func {
		panic("reflect: call of MakeFunc with non-Func type")
	}
	t := typ.common()
	if t.makeFunc == nil {
		panic("reflect: deft does not support MakeFunc of type " + t.String() + " (made by reflect) yet")
	}
	impl := &makeFuncImpl{t, fn}
	c := new([2]unsafe.Pointer)
	c[0] = *(*unsafe.Pointer)(t.makeFunc)
	c[1] = unsafe.Pointer(impl)
	return Value{t, unsafe.Pointer(c), flag(Func)}
}

// callMakeFunc is called by a MakeFunc stub: it calls the wrapped function
// with the arguments in the frame and stores its results there.
func callMakeFunc(impl, frame unsafe.Pointer) {
	m := (*makeFuncImpl)(impl)
	t := m.ftyp
	ft := t.callFrame
	in := make([]Value, t.len)
	for i := range in {
		f := ft.field(i)
		in[i] = copyVal(f.typ, flag(f.typ.kind), unsafe.Add(frame, f.offset))
	}
	out := m.fn(in)
	if len(out) != t.nout {
		panic("reflect: wrong return count from function created by MakeFunc")
	}
	for j, v := range out {
		f := ft.field(int(t.len) + j)
		if v.typ == nil {
			panic("reflect: function created by MakeFunc using closure returned zero Value")
		}
		if v.flag&flagRO != 0 {
			panic("reflect: function created by MakeFunc using closure returned value obtained from unexported field")
		}
		v.assignTo("reflect.MakeFunc", f.typ).storeTo(unsafe.Add(frame, f.offset))
	}
}
