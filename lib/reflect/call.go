// Calls through reflect: Value.Call and CallSlice, and method values
// (Value.Method, MethodByName).
//
// deft's calling convention is codegen's, so reflect never builds a call
// itself: the descriptor of every func type of a program that uses
// reflect carries a call adapter (crates/lower/src/reflectcall.rs), a Go
// function `func(fn, frame unsafe.Pointer)` that calls fn with the
// arguments stored in the frame (a struct whose fields are the
// parameters then the results, described by rtype.callFrame) and stores
// the results there. A method value is a closure object of the
// compiler's interface method-value glue, [glue, type, data word, code],
// which calls the method's code as an interface call would.

package reflect

import "unsafe"

// Call calls the function v with the input arguments in.
func (v Value) Call(in []Value) []Value {
	v.flag.mustBe(Func, "reflect.Value.Call")
	v.flag.mustBeExported("reflect.Value.Call")
	return v.call("Call", in)
}

// CallSlice calls the variadic function v with the input arguments in,
// assigning the slice in[len(in)-1] to v's final variadic argument.
func (v Value) CallSlice(in []Value) []Value {
	v.flag.mustBe(Func, "reflect.Value.CallSlice")
	v.flag.mustBeExported("reflect.Value.CallSlice")
	return v.call("CallSlice", in)
}

func (v Value) call(op string, in []Value) []Value {
	t := v.typ
	fn := v.pointer()
	if fn == nil {
		panic("reflect.Value.Call: call of nil function")
	}
	isSlice := op == "CallSlice"
	n := t.NumIn()
	isVariadic := t.IsVariadic()
	if isSlice {
		if !isVariadic {
			panic("reflect: CallSlice of non-variadic function")
		}
		if len(in) < n {
			panic("reflect: CallSlice with too few input arguments")
		}
		if len(in) > n {
			panic("reflect: CallSlice with too many input arguments")
		}
	} else {
		if isVariadic {
			n--
		}
		if len(in) < n {
			panic("reflect: Call with too few input arguments")
		}
		if !isVariadic && len(in) > n {
			panic("reflect: Call with too many input arguments")
		}
	}
	for _, x := range in {
		if x.Kind() == Invalid {
			panic("reflect: " + op + " using zero Value argument")
		}
	}
	for i := 0; i < n; i++ {
		if xt, targ := in[i].Type(), t.In(i); !xt.AssignableTo(targ) {
			panic("reflect: " + op + " using " + xt.String() + " as type " + targ.String())
		}
	}
	if !isSlice && isVariadic {
		m := len(in) - n
		st := t.param(n)
		slice := MakeSlice(st, m, m)
		for i := 0; i < m; i++ {
			x := in[n+i]
			if xt := x.Type(); !xt.AssignableTo(st.elem) {
				panic("reflect: cannot use " + xt.String() + " as type " + st.elem.String() + " in " + op)
			}
			slice.Index(i).Set(x)
		}
		args := make([]Value, n+1)
		copy(args, in[:n])
		args[n] = slice
		in = args
	}
	if t.call == nil {
		panic("reflect: deft does not support calling a function of type " + t.String() + " (made by reflect) yet")
	}
	ft := t.callFrame
	frame := unsafe_New(ft)
	for i, x := range in {
		f := ft.field(i)
		x.assignTo("reflect.Value.Call", f.typ).storeTo(unsafe.Add(frame, f.offset))
	}
	var adapter func(fn, frame unsafe.Pointer)
	*(*unsafe.Pointer)(unsafe.Pointer(&adapter)) = t.call
	adapter(fn, frame)
	out := make([]Value, t.nout)
	for j := range out {
		f := ft.field(len(in) + j)
		p := unsafe.Add(frame, f.offset)
		if f.typ.direct() {
			out[j] = Value{f.typ, *(*unsafe.Pointer)(p), flag(f.typ.kind)}
		} else {
			out[j] = Value{f.typ, p, flagIndir | flag(f.typ.kind)}
		}
	}
	return out
}

// Method returns a function value corresponding to v's i'th method (the
// receiver bound), indexed as Type.Method indexes them.
func (v Value) Method(i int) Value {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Method", Invalid})
	}
	if v.Kind() == Interface && v.IsNil() {
		panic("reflect: Method on nil interface value")
	}
	if uint(i) >= uint(v.typ.NumMethod()) {
		panic("reflect: Method index out of range")
	}
	return v.methodValue(v.typ.method(v.typ.methodIndex(i)).name)
}

// MethodByName returns a function value corresponding to the method of v
// with the given name, or the zero Value.
func (v Value) MethodByName(name string) Value {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.MethodByName", Invalid})
	}
	if v.Kind() == Interface && v.IsNil() {
		panic("reflect: MethodByName on nil interface value")
	}
	if _, ok := v.typ.MethodByName(name); !ok {
		return Value{}
	}
	return v.methodValue(name)
}

// methodValue is the method value v.name: a closure of the method-value
// glue over the receiver's dynamic type and data word (the receiver
// copied, as evaluating a method value copies it).
func (v Value) methodValue(name string) Value {
	var recv any
	if v.Kind() == Interface {
		recv = *(*any)(v.ptr)
	} else {
		recv = packEface(v)
	}
	e := (*eface)(unsafe.Pointer(&recv))
	t := e.typ
	for j := 0; j < t.nmethods; j++ {
		m := t.method(j)
		if m.name != name {
			continue
		}
		if m.glue == nil || m.mtyp == nil {
			panic("reflect: deft does not support the method value " + t.String() + "." + name + " yet")
		}
		c := new([4]unsafe.Pointer)
		c[0], c[1], c[2], c[3] = m.glue, unsafe.Pointer(t), e.word, m.code
		fl := v.flag.ro() | flag(Func)
		return Value{m.mtyp, unsafe.Pointer(c), fl}
	}
	panic("reflect: no method " + name + " of " + t.String())
}
