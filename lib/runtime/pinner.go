// Pinner. deft's collector never moves an object, so pinning one only has
// to keep it alive until Unpin: the Pinner holds the pointers it pinned.
// (gc pins through the object's span, and a Pinner dropped with pointers
// still pinned panics from a finalizer; deft's keeps them alive while the
// Pinner is, and does not report the leak.)

package runtime

import "unsafe"

// Pinner is a set of pinned Go objects.
type Pinner struct {
	*pinner
}

type pinner struct {
	refs []unsafe.Pointer
}

// Pin pins the object pointer points to (a pointer or unsafe.Pointer)
// until Unpin: it is neither moved nor freed meanwhile.
func (p *Pinner) Pin(pointer any) {
	ptr := pinnerGetPtr(&pointer)
	if p.pinner == nil {
		p.pinner = new(pinner)
	}
	p.refs = append(p.refs, ptr)
}

// Unpin unpins every object the Pinner pinned.
func (p *Pinner) Unpin() {
	if p.pinner != nil {
		clear(p.refs)
		p.refs = p.refs[:0]
	}
}

// eface is an interface value's two words (deft's layout: the dynamic
// type's descriptor, then the data word).
type eface struct {
	typ  *pinnedType
	data unsafe.Pointer
}

// pinnedType is the head of deft's type descriptor (runtime::abi's
// TypeDesc): what Pin checks.
type pinnedType struct {
	size  uintptr
	kind  uint8
	align uint8
	flags uint8
	dir   uint8
	name  string
}

// The kinds Pin accepts (reflect's numbering, which the descriptors use).
const (
	kindPointer       = 22
	kindUnsafePointer = 26
)

func pinnerGetPtr(i *any) unsafe.Pointer {
	e := (*eface)(unsafe.Pointer(i))
	if e.typ == nil {
		panic(errorString("runtime.Pinner: argument is nil"))
	}
	if k := e.typ.kind; k != kindPointer && k != kindUnsafePointer {
		panic(errorString("runtime.Pinner: argument is not a pointer: " + e.typ.name))
	}
	return e.data
}

// errorString is a run-time error raised by the library's Go code.
type errorString string

func (e errorString) RuntimeError() {}

func (e errorString) Error() string { return "runtime error: " + string(e) }
