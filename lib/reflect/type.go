// Type: what a type descriptor (abi.go) tells about a type, with gc's
// answers and gc's panics for questions asked of the wrong kind of type.

package reflect

import "unicode"

// A Kind is the specific kind of type that a Type represents.
type Kind uint

// The kinds, numbered as gc numbers them (and as deft's descriptors do).
const (
	Invalid Kind = iota
	Bool
	Int
	Int8
	Int16
	Int32
	Int64
	Uint
	Uint8
	Uint16
	Uint32
	Uint64
	Uintptr
	Float32
	Float64
	Complex64
	Complex128
	Array
	Chan
	Func
	Interface
	Map
	Pointer
	Slice
	String
	Struct
	UnsafePointer
)

// Ptr is the old name of Pointer.
const Ptr = Pointer

var kindNames = []string{
	"invalid", "bool", "int", "int8", "int16", "int32", "int64",
	"uint", "uint8", "uint16", "uint32", "uint64", "uintptr",
	"float32", "float64", "complex64", "complex128",
	"array", "chan", "func", "interface", "map", "ptr", "slice", "string", "struct",
	"unsafe.Pointer",
}

// String returns the name of k.
func (k Kind) String() string {
	if uint(k) < uint(len(kindNames)) {
		return kindNames[k]
	}
	return "kind" + itoa(int(k))
}

// ChanDir represents a channel type's direction.
type ChanDir int

// The directions.
const (
	RecvDir ChanDir = 1 << iota
	SendDir
	BothDir = RecvDir | SendDir
)

func (d ChanDir) String() string {
	switch d {
	case SendDir:
		return "chan<-"
	case RecvDir:
		return "<-chan"
	case BothDir:
		return "chan"
	}
	return "ChanDir" + itoa(int(d))
}

// Type is the representation of a Go type.
type Type interface {
	Align() int
	FieldAlign() int
	Method(int) Method
	MethodByName(string) (Method, bool)
	NumMethod() int
	Name() string
	PkgPath() string
	Size() uintptr
	String() string
	Kind() Kind
	Implements(u Type) bool
	AssignableTo(u Type) bool
	ConvertibleTo(u Type) bool
	Comparable() bool
	Bits() int
	ChanDir() ChanDir
	IsVariadic() bool
	Elem() Type
	Field(i int) StructField
	FieldByIndex(index []int) StructField
	FieldByName(name string) (StructField, bool)
	FieldByNameFunc(match func(string) bool) (StructField, bool)
	In(i int) Type
	Key() Type
	Len() int
	NumField() int
	NumIn() int
	NumOut() int
	Out(i int) Type
	OverflowComplex(x complex128) bool
	OverflowFloat(x float64) bool
	OverflowInt(x int64) bool
	OverflowUint(x uint64) bool
	CanSeq() bool
	CanSeq2() bool
	common() *rtype
}

// Method represents a single method.
type Method struct {
	Name    string
	PkgPath string
	Type    Type
	Func    Value
	Index   int
}

// IsExported reports whether the method is exported.
func (m Method) IsExported() bool {
	return m.PkgPath == ""
}

// A StructField describes a single field in a struct.
type StructField struct {
	Name      string
	PkgPath   string
	Type      Type
	Tag       StructTag
	Offset    uintptr
	Index     []int
	Anonymous bool
}

// IsExported reports whether the field is exported.
func (f StructField) IsExported() bool {
	return f.PkgPath == ""
}

// A StructTag is the tag string in a struct field.
type StructTag string

// Get returns the value associated with key in the tag string.
func (tag StructTag) Get(key string) string {
	v, _ := tag.Lookup(key)
	return v
}

// Lookup returns the value associated with key in the tag string, by the
// convention `key:"value" key2:"value2"`, and whether it was present.
func (tag StructTag) Lookup(key string) (value string, ok bool) {
	for tag != "" {
		i := 0
		for i < len(tag) && tag[i] == ' ' {
			i++
		}
		tag = tag[i:]
		if tag == "" {
			break
		}
		// The key: up to a colon, no control characters, spaces or quotes.
		i = 0
		for i < len(tag) && tag[i] > ' ' && tag[i] != ':' && tag[i] != '"' && tag[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(tag) || tag[i] != ':' || tag[i+1] != '"' {
			break
		}
		name := string(tag[:i])
		tag = tag[i+1:]
		// The quoted value, backslash escapes included.
		i = 1
		for i < len(tag) && tag[i] != '"' {
			if tag[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(tag) {
			break
		}
		qvalue := string(tag[:i+1])
		tag = tag[i+1:]
		if key == name {
			value, ok := unquote(qvalue)
			if !ok {
				break
			}
			return value, true
		}
	}
	return "", false
}

// TypeOf returns the dynamic type of i, nil for a nil interface.
func TypeOf(i any) Type {
	return toType(typeOfEface(i))
}

// TypeFor returns the Type that represents the type argument T.
func TypeFor[T any]() Type {
	var v T
	if t := TypeOf(v); t != nil {
		return t
	}
	return TypeOf((*T)(nil)).Elem()
}

// PtrTo is the old name of PointerTo.
func PtrTo(t Type) Type { return PointerTo(t) }

// PointerTo returns the pointer type with element t.
func PointerTo(t Type) Type {
	return ptrTo(t.common())
}

// SliceOf returns the slice type with element type t.
func SliceOf(t Type) Type {
	return sliceOf(t.common())
}

// MapOf returns the map type with the given key and element types.
func MapOf(key, elem Type) Type {
	k := key.common()
	if !k.Comparable() {
		panic("reflect.MapOf: invalid key type " + k.String())
	}
	return mapOf(k, elem.common())
}

// ArrayOf returns the array type with the given length and element type.
func ArrayOf(length int, elem Type) Type {
	e := elem.common()
	if length < 0 {
		panic("reflect: negative length passed to ArrayOf")
	}
	if e.size > 0 && uintptr(length) > (1<<47)/e.size {
		panic("reflect.ArrayOf: array size would exceed virtual address space")
	}
	return arrayOf(length, e)
}

// ChanOf returns the channel type with the given direction and element type.
func ChanOf(dir ChanDir, t Type) Type {
	if dir < RecvDir || dir > BothDir {
		panic("reflect.ChanOf: invalid dir")
	}
	return chanOf(int(dir), t.common())
}

// FuncOf returns the function type with the given argument and result types.
func FuncOf(in, out []Type, variadic bool) Type {
	if variadic && (len(in) == 0 || in[len(in)-1].Kind() != Slice) {
		panic("reflect.FuncOf: last arg of variadic func must be slice")
	}
	ins := make([]*rtype, len(in))
	for i, t := range in {
		ins[i] = t.common()
	}
	outs := make([]*rtype, len(out))
	for i, t := range out {
		outs[i] = t.common()
	}
	return funcOf(ins, outs, variadic)
}

func (t *rtype) common() *rtype { return t }

func (t *rtype) String() string { return t.name }

func (t *rtype) Size() uintptr { return t.size }

func (t *rtype) Align() int { return int(t.align) }

func (t *rtype) FieldAlign() int { return int(t.align) }

func (t *rtype) Kind() Kind { return Kind(t.kind) }

func (t *rtype) named() bool { return t.flags&tflagNamed != 0 }

// Name is a defined type's name within its package ("" for other types;
// a predeclared type's own name).
func (t *rtype) Name() string {
	if !t.named() {
		k := t.Kind()
		if k <= Complex128 || k == String {
			return t.name
		}
		if k == UnsafePointer {
			return "Pointer"
		}
		return ""
	}
	s := t.name
	end := len(s)
	for i := 0; i < len(s); i++ {
		if s[i] == '[' {
			end = i
			break
		}
	}
	for i := end - 1; i >= 0; i-- {
		if s[i] == '.' {
			return s[i+1:]
		}
	}
	return s
}

func (t *rtype) PkgPath() string {
	if !t.named() {
		if t.Kind() == UnsafePointer {
			return "unsafe"
		}
		return ""
	}
	return t.pkgPath
}

func (t *rtype) Bits() int {
	k := t.Kind()
	if k < Int || k > Complex128 {
		panic("reflect: Bits of non-arithmetic Type " + t.String())
	}
	return int(t.size) * 8
}

func (t *rtype) ChanDir() ChanDir {
	if t.Kind() != Chan {
		panic("reflect: ChanDir of non-chan type " + t.String())
	}
	return ChanDir(t.chanDir)
}

func (t *rtype) IsVariadic() bool {
	if t.Kind() != Func {
		panic("reflect: IsVariadic of non-func type " + t.String())
	}
	return t.flags&tflagVariadic != 0
}

func (t *rtype) Elem() Type {
	switch t.Kind() {
	case Array, Chan, Map, Pointer, Slice:
		return toType(t.elem)
	}
	panic("reflect: Elem of invalid type " + t.String())
}

func (t *rtype) Key() Type {
	if t.Kind() != Map {
		panic("reflect: Key of non-map type " + t.String())
	}
	return toType(t.key)
}

func (t *rtype) Len() int {
	if t.Kind() != Array {
		panic("reflect: Len of non-array type " + t.String())
	}
	return int(t.len)
}

func (t *rtype) NumField() int {
	if t.Kind() != Struct {
		panic("reflect: NumField of non-struct type " + t.String())
	}
	return t.nfields
}

func (t *rtype) Field(i int) StructField {
	if t.Kind() != Struct {
		panic("reflect: Field of non-struct type " + t.String())
	}
	if i < 0 || i >= t.nfields {
		panic("reflect: Field index out of bounds")
	}
	p := t.field(i)
	f := StructField{
		Name:      p.name,
		Type:      toType(p.typ),
		Tag:       StructTag(p.tag),
		Offset:    p.offset,
		Index:     []int{i},
		Anonymous: p.embedded != 0,
	}
	if !isExportedName(p.name) {
		f.PkgPath = t.pkgPath
	}
	return f
}

// isExportedName reports whether name starts with an upper-case letter.
// The ASCII test is all of it that is inlined (Value.Field asks it of
// every field json's encoder reads); other letters take a call.
func isExportedName(name string) bool {
	if name == "" {
		return false
	}
	if c := name[0]; c < 0x80 {
		return 'A' <= c && c <= 'Z'
	}
	return isUpperNonASCII(name)
}

// isUpperNonASCII reports whether name's first letter, not an ASCII one,
// is upper-case.
func isUpperNonASCII(name string) bool {
	for _, r := range name {
		return unicode.IsUpper(r)
	}
	return false
}

func (t *rtype) FieldByIndex(index []int) StructField {
	var f StructField
	var cur Type = t
	for i, x := range index {
		if i > 0 {
			if cur.Kind() == Pointer && cur.Elem().Kind() == Struct {
				cur = cur.Elem()
			}
		}
		f = cur.Field(x)
		cur = f.Type
	}
	return f
}

// FieldByName finds the field called name as FieldByNameFunc does; a
// field of t itself is found without a search of the embedded ones (names
// at depth 0 are unique and win), which is all a struct without embedded
// fields needs, allocating nothing (text/template looks a field up by
// name at every evaluation).
func (t *rtype) FieldByName(name string) (StructField, bool) {
	if t.Kind() != Struct {
		panic("reflect: FieldByName of non-struct type " + t.String())
	}
	embeds := false
	for i := 0; i < t.nfields; i++ {
		p := t.field(i)
		if p.name == name {
			return t.Field(i), true
		}
		embeds = embeds || p.embedded != 0
	}
	if !embeds {
		return StructField{}, false
	}
	return t.FieldByNameFunc(func(s string) bool { return s == name })
}

// FieldByNameFunc finds the field whose name satisfies match at the
// shallowest depth of embedding where any does; two at that depth (or one
// reached through two embeddings of one type) are ambiguous: not found.
func (t *rtype) FieldByNameFunc(match func(string) bool) (StructField, bool) {
	if t.Kind() != Struct {
		panic("reflect: FieldByNameFunc of non-struct type " + t.String())
	}
	type entry struct {
		typ   *rtype
		index []int
	}
	current := []entry{{typ: t}}
	visited := map[*rtype]bool{}
	for len(current) > 0 {
		var next []entry
		count := map[*rtype]int{}
		for _, e := range current {
			count[e.typ]++
		}
		var result StructField
		found := 0
		for _, e := range current {
			if visited[e.typ] {
				continue
			}
			visited[e.typ] = true
			for i := 0; i < e.typ.nfields; i++ {
				p := e.typ.field(i)
				matched := match(p.name)
				if !matched && p.embedded == 0 {
					continue
				}
				index := append(append([]int(nil), e.index...), i)
				if matched {
					found += count[e.typ]
					if found > 1 {
						return StructField{}, false
					}
					result = e.typ.Field(i)
					result.Index = index
					continue
				}
				if p.embedded != 0 {
					ft := p.typ
					if ft.Kind() == Pointer {
						ft = ft.elem
					}
					if ft.Kind() == Struct {
						next = append(next, entry{ft, index})
					}
				}
			}
		}
		if found == 1 {
			return result, true
		}
		current = next
	}
	return StructField{}, false
}

func (t *rtype) NumIn() int {
	if t.Kind() != Func {
		panic("reflect: NumIn of non-func type " + t.String())
	}
	return int(t.len)
}

func (t *rtype) NumOut() int {
	if t.Kind() != Func {
		panic("reflect: NumOut of non-func type " + t.String())
	}
	return t.nout
}

func (t *rtype) In(i int) Type {
	if t.Kind() != Func {
		panic("reflect: In of non-func type " + t.String())
	}
	if i < 0 || i >= int(t.len) {
		panic("reflect: Func.In index out of range")
	}
	return toType(t.param(i))
}

func (t *rtype) Out(i int) Type {
	if t.Kind() != Func {
		panic("reflect: Out of non-func type " + t.String())
	}
	if i < 0 || i >= t.nout {
		panic("reflect: Func.Out index out of range")
	}
	return toType(t.param(int(t.len) + i))
}

// exportedMethod is t's method i and whether reflect shows it: every
// method of an interface type, the exported ones of other types.
func (t *rtype) exportedMethod(i int) (*method, bool) {
	m := t.method(i)
	return m, t.Kind() == Interface || isExportedName(m.name)
}

func (t *rtype) NumMethod() int {
	n := 0
	for i := 0; i < t.nmethods; i++ {
		if _, ok := t.exportedMethod(i); ok {
			n++
		}
	}
	return n
}

// methodIndex is the index in t's table of the i-th method reflect shows.
func (t *rtype) methodIndex(i int) int {
	for j := 0; j < t.nmethods; j++ {
		if _, ok := t.exportedMethod(j); ok {
			if i == 0 {
				return j
			}
			i--
		}
	}
	return -1
}

func (t *rtype) Method(i int) Method {
	j := -1
	if i >= 0 {
		j = t.methodIndex(i)
	}
	if j < 0 {
		panic("reflect: Method index out of range")
	}
	m := t.method(j)
	out := Method{Name: m.name, Index: i}
	if !isExportedName(m.name) {
		out.PkgPath = t.pkgPath
	}
	if m.mtyp == nil {
		return out
	}
	if t.Kind() == Interface {
		out.Type = toType(m.mtyp)
		return out
	}
	if m.ftyp != nil {
		out.Type = m.ftyp
		out.Func = Value{m.ftyp, m.fn, flag(Func)}
		return out
	}
	// A method expression's type: the receiver first.
	ft := m.mtyp
	in := []Type{t}
	for k := 0; k < int(ft.len); k++ {
		in = append(in, toType(ft.param(k)))
	}
	var outs []Type
	for k := 0; k < ft.nout; k++ {
		outs = append(outs, toType(ft.param(int(ft.len)+k)))
	}
	out.Type = FuncOf(in, outs, ft.flags&tflagVariadic != 0)
	return out
}

func (t *rtype) MethodByName(name string) (Method, bool) {
	n := 0
	for j := 0; j < t.nmethods; j++ {
		m, ok := t.exportedMethod(j)
		if !ok {
			continue
		}
		if m.name == name {
			return t.Method(n), true
		}
		n++
	}
	return Method{}, false
}

func (t *rtype) Implements(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.Implements")
	}
	if u.Kind() != Interface {
		panic("reflect: non-interface type passed to Type.Implements")
	}
	return implements(u.common(), t)
}

func (t *rtype) AssignableTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.AssignableTo")
	}
	uu := u.common()
	return directlyAssignable(uu, t) || implements(uu, t)
}

func (t *rtype) ConvertibleTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.ConvertibleTo")
	}
	return convertOp(u.common(), t) != nil
}

func (t *rtype) Comparable() bool {
	switch t.Kind() {
	case Func, Map, Slice:
		return false
	case Array:
		return t.elem.Comparable()
	case Struct:
		for i := 0; i < t.nfields; i++ {
			if !t.field(i).typ.Comparable() {
				return false
			}
		}
	}
	return true
}

func (t *rtype) OverflowComplex(x complex128) bool {
	k := t.Kind()
	switch k {
	case Complex64:
		return overflowFloat32(real(x)) || overflowFloat32(imag(x))
	case Complex128:
		return false
	}
	panic("reflect: OverflowComplex of non-complex type " + t.String())
}

func (t *rtype) OverflowFloat(x float64) bool {
	k := t.Kind()
	switch k {
	case Float32:
		return overflowFloat32(x)
	case Float64:
		return false
	}
	panic("reflect: OverflowFloat of non-float type " + t.String())
}

func (t *rtype) OverflowInt(x int64) bool {
	k := t.Kind()
	switch k {
	case Int, Int8, Int16, Int32, Int64:
		bitSize := t.size * 8
		trunc := (x << (64 - bitSize)) >> (64 - bitSize)
		return x != trunc
	}
	panic("reflect: OverflowInt of non-int type " + t.String())
}

func (t *rtype) OverflowUint(x uint64) bool {
	k := t.Kind()
	switch k {
	case Uint, Uintptr, Uint8, Uint16, Uint32, Uint64:
		bitSize := t.size * 8
		trunc := (x << (64 - bitSize)) >> (64 - bitSize)
		return x != trunc
	}
	panic("reflect: OverflowUint of non-uint type " + t.String())
}

// CanSeq reports whether a Value of this type can be ranged over with one
// iteration variable.
func (t *rtype) CanSeq() bool {
	switch t.Kind() {
	case Int8, Int16, Int32, Int64, Int, Uint8, Uint16, Uint32, Uint64, Uint, Uintptr, Array, Slice, Chan, String, Map:
		return true
	case Func:
		return t.isRangeFunc(1)
	case Pointer:
		return t.elem.Kind() == Array
	}
	return false
}

// CanSeq2 reports whether a Value of this type can be ranged over with
// two iteration variables.
func (t *rtype) CanSeq2() bool {
	switch t.Kind() {
	case Array, Slice, String, Map:
		return true
	case Func:
		return t.isRangeFunc(2)
	case Pointer:
		return t.elem.Kind() == Array
	}
	return false
}

// isRangeFunc reports whether t is func(yield func(K[, V]) bool).
func (t *rtype) isRangeFunc(n int) bool {
	if t.len != 1 || t.nout != 0 {
		return false
	}
	y := t.param(0)
	return y.Kind() == Func && int(y.len) == n && y.nout == 1 && y.param(n).Kind() == Bool
}

func overflowFloat32(x float64) bool {
	if x < 0 {
		x = -x
	}
	return 3.40282346638528859811704183484516925440e+38 < x && x <= 1.79769313486231570814527423731704356798070e+308
}

// implements reports whether a value of type V implements interface T:
// V (an interface's methods, or a concrete type's method table) has
// every method of T, by name and signature.
func implements(T, V *rtype) bool {
	if T.Kind() != Interface {
		return false
	}
	j := 0
	for i := 0; i < T.nmethods; i++ {
		tm := T.method(i)
		for j < V.nmethods && V.method(j).name < tm.name {
			j++
		}
		if j >= V.nmethods {
			return false
		}
		vm := V.method(j)
		if vm.name != tm.name || (vm.sig != tm.sig && vm.sig != "" && tm.sig != "") {
			return false
		}
	}
	return true
}

// directlyAssignable reports whether a value of type V can be assigned to
// a variable of type T without conversion.
func directlyAssignable(T, V *rtype) bool {
	if T == V {
		return true
	}
	if T.named() && V.named() || T.Kind() != V.Kind() {
		return false
	}
	if T.Kind() == Chan && V.chanDir == 3 && T.elem == V.elem {
		return true
	}
	return identicalUnderlying(T, V)
}

// identical reports whether T and V are the same type.
func identical(T, V *rtype) bool {
	if T == V {
		return true
	}
	if T.named() || V.named() || T.Kind() != V.Kind() {
		return false
	}
	return identicalUnderlying(T, V)
}

// identicalUnderlying reports whether T and V (of one kind) have
// identical underlying types.
func identicalUnderlying(T, V *rtype) bool {
	switch T.Kind() {
	case Array:
		return T.len == V.len && identical(T.elem, V.elem)
	case Chan:
		return T.chanDir == V.chanDir && identical(T.elem, V.elem)
	case Pointer, Slice:
		return identical(T.elem, V.elem)
	case Map:
		return identical(T.key, V.key) && identical(T.elem, V.elem)
	case Func:
		if T.len != V.len || T.nout != V.nout || T.flags&tflagVariadic != V.flags&tflagVariadic {
			return false
		}
		for i := 0; i < int(T.len)+T.nout; i++ {
			if !identical(T.param(i), V.param(i)) {
				return false
			}
		}
		return true
	case Interface:
		if T.nmethods != V.nmethods {
			return false
		}
		for i := 0; i < T.nmethods; i++ {
			if T.method(i).name != V.method(i).name || T.method(i).sig != V.method(i).sig {
				return false
			}
		}
		return true
	case Struct:
		if T.nfields != V.nfields {
			return false
		}
		for i := 0; i < T.nfields; i++ {
			a, b := T.field(i), V.field(i)
			if a.name != b.name || !identical(a.typ, b.typ) || a.tag != b.tag || a.embedded != b.embedded || a.offset != b.offset {
				return false
			}
		}
		return true
	}
	return true
}
