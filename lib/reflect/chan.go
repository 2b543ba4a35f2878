// Channels through reflect: MakeChan, Send/Recv and their non-blocking
// forms, Close, and Select, on the runtime's own channel operations (a
// blocked operation parks the goroutine exactly as in Go code).

package reflect

import "unsafe"

// MakeChan creates a new channel with the specified type and buffer size.
func MakeChan(typ Type, buffer int) Value {
	if typ.Kind() != Chan {
		panic("reflect.MakeChan of non-chan type")
	}
	if buffer < 0 {
		panic("reflect.MakeChan: negative buffer size")
	}
	if typ.ChanDir() != BothDir {
		panic("reflect.MakeChan: unidirectional channel type")
	}
	t := typ.common()
	noscan := 0
	if t.elem.flags&tflagNoPtr != 0 {
		noscan = 1
	}
	return Value{t, makechan(int(t.elem.size), buffer, noscan), flag(Chan)}
}

// Send sends x on the channel v, blocking until it can.
func (v Value) Send(x Value) {
	v.flag.mustBe(Chan, "reflect.Value.Send")
	v.flag.mustBeExported("reflect.Value.Send")
	v.send("reflect.Value.Send", x, false)
}

// TrySend attempts to send x on the channel v without blocking, and
// reports whether it was sent.
func (v Value) TrySend(x Value) bool {
	v.flag.mustBe(Chan, "reflect.Value.TrySend")
	v.flag.mustBeExported("reflect.Value.TrySend")
	return v.send("reflect.Value.TrySend", x, true)
}

func (v Value) send(op string, x Value, nb bool) bool {
	if ChanDir(v.typ.chanDir)&SendDir == 0 {
		panic("reflect: send on recv-only channel")
	}
	x.flag.mustBeExported(op)
	x = x.assignTo(op, v.typ.elem)
	p := x.data()
	if nb {
		var ok bool
		cases := []scase{{c: v.pointer(), elem: p, kind: 1}}
		return rselect(&cases[0], 1, 0, &ok) == 0
	}
	chansend(v.pointer(), p)
	return true
}

// Recv receives a value from the channel v, blocking until one comes; ok
// is false when the channel is closed (x is then the zero value).
func (v Value) Recv() (x Value, ok bool) {
	v.flag.mustBe(Chan, "reflect.Value.Recv")
	v.flag.mustBeExported("reflect.Value.Recv")
	return v.recv(false)
}

// TryRecv attempts to receive a value from the channel v without
// blocking; x is the zero Value when nothing was received.
func (v Value) TryRecv() (x Value, ok bool) {
	v.flag.mustBe(Chan, "reflect.Value.TryRecv")
	v.flag.mustBeExported("reflect.Value.TryRecv")
	return v.recv(true)
}

func (v Value) recv(nb bool) (Value, bool) {
	if ChanDir(v.typ.chanDir)&RecvDir == 0 {
		panic("reflect: recv on send-only channel")
	}
	e := v.typ.elem
	p := unsafe_New(e)
	var ok bool
	if nb {
		cases := []scase{{c: v.pointer(), elem: p}}
		if rselect(&cases[0], 1, 0, &ok) < 0 {
			return Value{}, false
		}
	} else {
		ok = chanrecv(v.pointer(), p)
	}
	return received(e, p), ok
}

// received is the Value of type e received into the fresh memory at p.
func received(e *rtype, p unsafe.Pointer) Value {
	if e.direct() {
		return Value{e, *(*unsafe.Pointer)(p), flag(e.kind)}
	}
	return Value{e, p, flagIndir | flag(e.kind)}
}

// Close closes the channel v.
func (v Value) Close() {
	v.flag.mustBe(Chan, "reflect.Value.Close")
	v.flag.mustBeExported("reflect.Value.Close")
	if ChanDir(v.typ.chanDir)&SendDir == 0 {
		panic("reflect: close of receive-only channel")
	}
	chanclose(v.pointer())
}

// A SelectDir describes the communication direction of a select case.
type SelectDir int

// The select directions.
const (
	_ SelectDir = iota
	SelectSend
	SelectRecv
	SelectDefault
)

// A SelectCase describes a single case in a select operation.
type SelectCase struct {
	Dir  SelectDir
	Chan Value
	Send Value
}

// Select executes a select operation described by the list of cases: it
// blocks until at least one case can proceed (unless there is a default
// case), makes a uniform pseudo-random choice among those that can, and
// returns its index, with the received value and whether it was a real
// value for a receive case.
func Select(cases []SelectCase) (chosen int, recv Value, recvOK bool) {
	if len(cases) > 65536 {
		panic("reflect.Select: too many cases (max 65536)")
	}
	runtimeCases := make([]scase, 0, len(cases))
	index := make([]int, 0, len(cases))
	dflt := -1
	for i, c := range cases {
		switch c.Dir {
		case SelectDefault:
			if dflt >= 0 {
				panic("reflect.Select: multiple default cases")
			}
			dflt = i
			if c.Chan.IsValid() {
				panic("reflect.Select: default case has Chan value")
			}
			if c.Send.IsValid() {
				panic("reflect.Select: default case has Send value")
			}
			continue
		case SelectSend:
			sc := scase{kind: 1}
			if ch := c.Chan; ch.IsValid() {
				ch.flag.mustBe(Chan, "reflect.Select")
				ch.flag.mustBeExported("reflect.Select")
				if ChanDir(ch.typ.chanDir)&SendDir == 0 {
					panic("reflect.Select: SendDir case using recv-only channel")
				}
				sc.c = ch.pointer()
				v := c.Send
				if !v.IsValid() {
					panic("reflect.Select: SendDir case missing Send value")
				}
				v.flag.mustBeExported("reflect.Select")
				sc.elem = v.assignTo("reflect.Select", ch.typ.elem).data()
			}
			runtimeCases = append(runtimeCases, sc)
		case SelectRecv:
			if c.Send.IsValid() {
				panic("reflect.Select: RecvDir case has Send value")
			}
			sc := scase{}
			if ch := c.Chan; ch.IsValid() {
				ch.flag.mustBe(Chan, "reflect.Select")
				ch.flag.mustBeExported("reflect.Select")
				if ChanDir(ch.typ.chanDir)&RecvDir == 0 {
					panic("reflect.Select: RecvDir case using send-only channel")
				}
				sc.c = ch.pointer()
				sc.elem = unsafe_New(ch.typ.elem)
			}
			runtimeCases = append(runtimeCases, sc)
		default:
			panic("reflect.Select: invalid Dir")
		}
		index = append(index, i)
	}
	block := 1
	if dflt >= 0 {
		block = 0
	}
	var first *scase
	if len(runtimeCases) > 0 {
		first = &runtimeCases[0]
	}
	var ok bool
	k := rselect(first, len(runtimeCases), block, &ok)
	if k < 0 {
		return dflt, Value{}, false
	}
	chosen = index[k]
	if cases[chosen].Dir == SelectRecv && runtimeCases[k].c != nil {
		return chosen, received(cases[chosen].Chan.typ.elem, runtimeCases[k].elem), ok
	}
	return chosen, Value{}, false
}
