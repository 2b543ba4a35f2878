// The Go mirror of deft's type descriptors (crates/runtime/src/abi.rs:
// TypeDesc, FieldDesc, MethodDesc), which the compiler emits as static
// data and the runtime makes for the types built here (PointerTo,
// SliceOf, ...). Every struct below has the layout of its Rust
// counterpart, field for field: a change to one is a change to the other.
//
// Invariants the rest of the package relies on:
//   - a descriptor describes one type, and one type has one descriptor
//     (but see SliceOf's note), so *rtype equality is type identity;
//   - an interface value is (descriptor, data word), the data word being
//     the value itself for the direct kinds (pointers, unsafe.Pointer,
//     maps, chans, funcs) and a pointer to the value otherwise; non-empty
//     interfaces have the same layout (deft has no itabs).

package reflect

import "unsafe"

// rtype is a type descriptor (TypeDesc). *rtype implements Type.
type rtype struct {
	size      uintptr
	kind      uint8
	align     uint8
	flags     uint8
	chanDir   uint8
	hash      uint32 // see TypeDesc::hash; reflect never reads it
	name      string
	elem      *rtype
	key       *rtype
	len       uintptr
	fields    *structField
	nfields   int
	methods   *method
	nmethods  int
	pkgPath   string
	params    **rtype
	nout      int
	ptrToThis *rtype
	call      unsafe.Pointer // func(fn, frame unsafe.Pointer), see call.go
	callFrame *rtype
	makeFunc  unsafe.Pointer // a func value [code] of the MakeFunc stub, see makefunc.go
}

// Bits of rtype.flags.
const (
	tflagNamed    = 1
	tflagNoPtr    = 2
	tflagVariadic = 8
)

// structField is a struct field's description (FieldDesc).
type structField struct {
	name     string
	typ      *rtype
	offset   uintptr
	tag      string
	embedded uintptr
}

// method is a method table entry (MethodDesc), sorted by name.
type method struct {
	name string
	sig  string
	code unsafe.Pointer
	mtyp *rtype
	glue unsafe.Pointer
	ftyp *rtype         // the method expression's type (receiver first)
	fn   unsafe.Pointer // the method expression, a func value of type ftyp
}

// eface is the layout of every interface value.
type eface struct {
	typ  *rtype
	word unsafe.Pointer
}

// sliceHeader and stringHeader are the layouts of slices and strings.
type sliceHeader struct {
	data unsafe.Pointer
	len  int
	cap  int
}

type stringHeader struct {
	data unsafe.Pointer
	len  int
}

// hiter is the runtime's map iterator (runtime::maps::Iter): the current
// key and element addresses, then the runtime's own state.
type hiter struct {
	key  unsafe.Pointer
	elem unsafe.Pointer
	_    [6]uintptr
}

// scase is a select case for the runtime (runtime::chan::Scase): the
// channel, the value to send or where to receive, and the direction.
type scase struct {
	c    unsafe.Pointer
	elem unsafe.Pointer
	kind uint64 // 0 receive, 1 send
}

// The runtime's hooks (crates/runtime/src/library/reflecthooks.rs and the
// map and slice entry points the compiler uses).
func unsafe_New(t *rtype) unsafe.Pointer
func unsafe_NewArray(t *rtype, n int) unsafe.Pointer
func typedmemmove(t *rtype, dst, src unsafe.Pointer)
func growslice(old unsafe.Pointer, oldLen, oldCap, newLen int, elemSize, align uintptr) (unsafe.Pointer, int)
func makemap(t *rtype, hint int) unsafe.Pointer
func mapaccess(t *rtype, m, key unsafe.Pointer) unsafe.Pointer
func mapassign(t *rtype, m, key unsafe.Pointer) unsafe.Pointer
func mapdelete(t *rtype, m, key unsafe.Pointer)
func mapiterinit(m unsafe.Pointer, it *hiter)
func mapiternext(it *hiter) bool
func makechan(elemSize, size, noscan int) unsafe.Pointer
func chanlen(c unsafe.Pointer) int
func chancap(c unsafe.Pointer) int
func chansend(c, elem unsafe.Pointer)
func chanrecv(c, out unsafe.Pointer) bool
func chanclose(c unsafe.Pointer)
func rselect(cases *scase, n, block int, recvOK *bool) int
func ptrTo(t *rtype) *rtype
func sliceOf(t *rtype) *rtype
func mapOf(k, v *rtype) *rtype
func arrayOf(n int, t *rtype) *rtype
func chanOf(dir int, t *rtype) *rtype
func funcOf(in, out []*rtype, variadic bool) *rtype

// direct reports whether values of t live in an interface's data word
// itself rather than behind it.
func (t *rtype) direct() bool {
	switch Kind(t.kind) {
	case Pointer, UnsafePointer, Map, Chan, Func:
		return true
	}
	return false
}

func (t *rtype) field(i int) *structField {
	return (*structField)(unsafe.Add(unsafe.Pointer(t.fields), uintptr(i)*unsafe.Sizeof(structField{})))
}

func (t *rtype) method(i int) *method {
	return (*method)(unsafe.Add(unsafe.Pointer(t.methods), uintptr(i)*unsafe.Sizeof(method{})))
}

// param is a func type's parameter i, or its result i-len when i >= len.
func (t *rtype) param(i int) *rtype {
	return *(**rtype)(unsafe.Add(unsafe.Pointer(t.params), uintptr(i)*unsafe.Sizeof(t)))
}

// allocAlign is growslice's alignment argument for elements of t.
func (t *rtype) allocAlign() uintptr {
	a := uintptr(t.align)
	if t.flags&tflagNoPtr != 0 {
		a |= 1 << 32
	}
	return a
}

// typeOfEface is the descriptor of i's dynamic type.
func typeOfEface(i any) *rtype {
	return (*eface)(unsafe.Pointer(&i)).typ
}

// toType is t as a Type: nil for a nil descriptor.
func toType(t *rtype) Type {
	if t == nil {
		return nil
	}
	return t
}

// Descriptors of basic types this package needs.
var (
	uint8Type  = typeOfEface(uint8(0))
	stringType = typeOfEface("")
)
