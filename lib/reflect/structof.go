// StructOf: struct types made at run time. The fields are checked and
// laid out here as the compiler lays structs out (each at the next
// multiple of its alignment, a final zero-sized field padded, the size a
// multiple of the largest alignment); the runtime makes (or finds, when
// the program has that type) the descriptor. Fields bring no methods.

package reflect

import (
	"unicode"
	"unicode/utf8"
)

// structSpec is what the runtime's structOf reads
// (runtime::library::reflecthooks::StructSpec, field for field).
type structSpec struct {
	name    string
	size    uintptr
	align   uintptr
	noptr   bool
	pkgPath string
	fields  []structField
}

func structOf(spec *structSpec) *rtype

// StructOf returns the struct type containing fields.
func StructOf(fields []StructField) Type {
	spec := structSpec{align: 1, noptr: true, fields: make([]structField, len(fields))}
	seen := map[string]bool{}
	name := "struct {"
	var lastSize uintptr
	for i, f := range fields {
		if f.Name == "" {
			panic("reflect.StructOf: field " + itoa(i) + " has no name")
		}
		if !isValidFieldName(f.Name) {
			panic("reflect.StructOf: field " + itoa(i) + " has invalid name")
		}
		if f.Type == nil {
			panic("reflect.StructOf: field " + itoa(i) + " has no type")
		}
		if f.Anonymous && f.PkgPath != "" {
			panic("reflect.StructOf: field \"" + f.Name + "\" is anonymous but has PkgPath set")
		}
		if f.IsExported() && !isExportedName(f.Name) {
			panic("reflect.StructOf: field \"" + f.Name + "\" is unexported but missing PkgPath")
		}
		if seen[f.Name] && f.Name != "_" {
			panic("reflect.StructOf: duplicate field " + f.Name)
		}
		seen[f.Name] = true
		if f.PkgPath != "" && spec.pkgPath == "" {
			spec.pkgPath = f.PkgPath
		}
		t := f.Type.common()
		a := uintptr(t.align)
		offset := (spec.size + a - 1) &^ (a - 1)
		spec.size = offset + t.size
		lastSize = t.size
		if a > spec.align {
			spec.align = a
		}
		if t.flags&tflagNoPtr == 0 {
			spec.noptr = false
		}
		d := &spec.fields[i]
		d.name, d.typ, d.offset, d.tag = f.Name, t, offset, string(f.Tag)
		if f.Anonymous {
			d.embedded = 1
		}
		if i > 0 {
			name += ";"
		}
		name += " "
		if !f.Anonymous {
			name += f.Name + " "
		}
		name += t.String()
		if f.Tag != "" {
			name += " " + quote(string(f.Tag))
		}
	}
	if spec.size > 0 && lastSize == 0 {
		// A pointer to the final zero-sized field must not point past
		// the struct.
		spec.size++
	}
	spec.size = (spec.size + spec.align - 1) &^ (spec.align - 1)
	if len(fields) == 0 {
		name += "}"
	} else {
		name += " }"
	}
	spec.name = name
	return structOf(&spec)
}

// isValidFieldName reports whether name is an identifier.
func isValidFieldName(name string) bool {
	for i, c := range name {
		if i == 0 && !isLetter(c) {
			return false
		}
		if !(isLetter(c) || unicode.IsDigit(c)) {
			return false
		}
	}
	return len(name) > 0
}

func isLetter(c rune) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c >= utf8.RuneSelf && unicode.IsLetter(c)
}

// quote is s as a double-quoted Go string literal, as gc writes a tag in
// a struct type's name (control bytes and invalid UTF-8 escaped).
func quote(s string) string {
	const hex = "0123456789abcdef"
	b := []byte{'"'}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, '\\', 'x', hex[s[i]>>4], hex[s[i]&15])
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '\n':
			b = append(b, '\\', 'n')
		case r == '\t':
			b = append(b, '\\', 't')
		case r == '\r':
			b = append(b, '\\', 'r')
		case r < ' ' || r == 0x7f:
			b = append(b, '\\', 'x', hex[r>>4], hex[r&15])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(append(b, '"'))
}
