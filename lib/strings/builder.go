package strings

import "unicode/utf8"

// Until deft has make and append, the runtime provides them for byte and
// string slices (crates/runtime/src/library/mem.rs); appendString grows
// exactly as append does.
func makeBytes(n, c int) []byte { return make([]byte, n, c) }
func makeStrings(n int) []string { return make([]string, n) }
func appendString(b []byte, s string) []byte { return append(b, s...) }
// Builder accumulates a string with few copies. The zero value is an
// empty Builder ready to use; a Builder that has been written to must not
// be copied.
type Builder struct {
	addr *Builder // the Builder's own address once used, to catch copies
	buf  []byte
}

func (b *Builder) copyCheck() {
	if b.addr == nil {
		b.addr = b
	} else if b.addr != b {
		panic("strings: illegal use of non-zero Builder copied by value")
	}
}

// unsafeString: b's bytes as a string, sharing its memory (the runtime,
// crates/runtime/src/library/mem.rs).
func unsafeString(b []byte) string

// String: the bytes written so far (no copy: written bytes never change).
func (b *Builder) String() string { return unsafeString(b.buf) }

// Len: the number of bytes written so far.
func (b *Builder) Len() int { return len(b.buf) }

// Cap: the capacity of the underlying buffer.
func (b *Builder) Cap() int { return cap(b.buf) }

// Reset empties b.
func (b *Builder) Reset() {
	b.addr = nil
	b.buf = nil
}

// Grow makes room for at least n more bytes without reallocating.
func (b *Builder) Grow(n int) {
	b.copyCheck()
	if n < 0 {
		panic("strings.Builder.Grow: negative count")
	}
	if cap(b.buf)-len(b.buf) < n {
		b.grow(n)
	}
}

// grow moves the bytes to a new array of capacity 2*cap + n, rounded up
// to the allocator's size class as gc's does (appending to a nil slice
// rounds the same way).
func (b *Builder) grow(n int) {
	nb := append([]byte(nil), make([]byte, 2*cap(b.buf)+n)...)
	copy(nb, b.buf)
	b.buf = nb[:len(b.buf)]
}

// Write appends p; it never fails.
func (b *Builder) Write(p []byte) (int, error) {
	b.copyCheck()
	b.buf = appendString(b.buf, string(p))
	return len(p), nil
}

// WriteByte appends c; it never fails.
func (b *Builder) WriteByte(c byte) error {
	b.copyCheck()
	n := len(b.buf)
	if n == cap(b.buf) {
		b.buf = appendString(b.buf, " ")
	} else {
		b.buf = b.buf[:n+1]
	}
	b.buf[n] = c
	return nil
}

// WriteRune appends the UTF-8 encoding of r (of U+FFFD for an invalid r),
// growing as append does (Go 1.21 and later).
func (b *Builder) WriteRune(r rune) (int, error) {
	b.copyCheck()
	n := len(b.buf)
	b.buf = utf8.AppendRune(b.buf, r)
	return len(b.buf) - n, nil
}

// WriteString appends s; it never fails.
func (b *Builder) WriteString(s string) (int, error) {
	b.copyCheck()
	b.buf = appendString(b.buf, s)
	return len(s), nil
}
