package bytes

import (
	"errors"
	"io"
	"unicode/utf8"
)

// Until deft has make and append (crates/runtime/src/library/mem.rs).
func makeBytes(n, c int) []byte { return make([]byte, n, c) }
func makeSlices(n int) [][]byte { return make([][]byte, n) }
func appendString(b []byte, s string) []byte { return append(b, s...) }
// growSlice: a copy of b with room for n more bytes, in a new array of at
// least twice b's capacity, as append rounds it up.
func growSlice(b []byte, n int) []byte {
	c := len(b) + n
	if c < 2*cap(b) {
		c = 2 * cap(b)
	}
	grown := append([]byte(nil), make([]byte, c)...)
	copy(grown, b)
	return grown[:len(b)]
}
// MinRead: the smallest buffer ReadFrom passes to Read.
const MinRead = 512

const smallBufferSize = 64

// ErrTooLarge: a Buffer could not grow.
var ErrTooLarge = errors.New("bytes.Buffer: too large")

var errNegativeRead = errors.New("bytes.Buffer: reader returned negative count from Read")

var errUnreadByte = errors.New("bytes.Buffer: UnreadByte: previous operation was not a successful read")

// The last operation, for UnreadByte and UnreadRune: a read of a rune of
// 1 to 4 bytes, another read, or anything else.
const (
	opRead    = -1
	opInvalid = 0
)

// Buffer: a growable byte buffer read from the front and written at the
// back. The zero value is an empty buffer ready to use. It grows exactly
// as gc's does, so Cap reports the same capacities.
type Buffer struct {
	buf      []byte // unread bytes are buf[off:]
	off      int
	lastRead int
}

// NewBuffer: a Buffer whose contents are buf.
func NewBuffer(buf []byte) *Buffer { return &Buffer{buf: buf} }

// NewBufferString: a Buffer whose contents are the bytes of s. Its
// capacity is len(s) rounded up to a size class, as gc's []byte(s) gives
// when the bytes escape to the heap. (When they do not and are never
// written, gc 1.22 and later share s's bytes and the capacity is len(s):
// deft, without escape analysis, cannot tell. deft's []byte(s) never
// rounds; appendString rounds as append does.)
func NewBufferString(s string) *Buffer {
	if s == "" {
		return &Buffer{buf: []byte(s)}
	}
	return &Buffer{buf: appendString(nil, s)}
}

// Bytes: the unread bytes (sharing the buffer's memory).
func (b *Buffer) Bytes() []byte { return b.buf[b.off:] }

// String: the unread bytes as a string; "<nil>" for a nil *Buffer.
func (b *Buffer) String() string {
	if b == nil {
		return "<nil>"
	}
	return string(b.buf[b.off:])
}

// Len: the number of unread bytes.
func (b *Buffer) Len() int { return len(b.buf) - b.off }

// Cap: the capacity of the buffer's memory.
func (b *Buffer) Cap() int { return cap(b.buf) }

// Available: how many bytes may be written without growing the buffer.
func (b *Buffer) Available() int { return cap(b.buf) - len(b.buf) }

// AvailableBuffer: an empty slice of the buffer's unused capacity, to
// append to and pass to Write (valid until the next change).
func (b *Buffer) AvailableBuffer() []byte { return b.buf[len(b.buf):] }

func (b *Buffer) empty() bool { return len(b.buf) <= b.off }

// Truncate keeps only the first n unread bytes.
func (b *Buffer) Truncate(n int) {
	if n == 0 {
		b.Reset()
		return
	}
	b.lastRead = opInvalid
	if n < 0 || n > b.Len() {
		panic("bytes.Buffer: truncation out of range")
	}
	b.buf = b.buf[:b.off+n]
}

// Reset empties the buffer, keeping its memory.
func (b *Buffer) Reset() {
	b.buf = b.buf[:0]
	b.off = 0
	b.lastRead = opInvalid
}

func (b *Buffer) tryGrowByReslice(n int) (int, bool) {
	if l := len(b.buf); n <= cap(b.buf)-l {
		b.buf = b.buf[:l+n]
		return l, true
	}
	return 0, false
}

// grow makes room for n more bytes and returns where they go.
func (b *Buffer) grow(n int) int {
	m := b.Len()
	if m == 0 && b.off != 0 {
		b.Reset()
	}
	if i, ok := b.tryGrowByReslice(n); ok {
		return i
	}
	if b.buf == nil && n <= smallBufferSize {
		b.buf = makeBytes(n, smallBufferSize)
		return 0
	}
	c := cap(b.buf)
	if n <= c/2-m {
		// Enough room once the read bytes are dropped: slide down.
		for i := 0; i < m; i++ {
			b.buf[i] = b.buf[b.off+i]
		}
	} else if c > maxInt-c-n {
		panic(ErrTooLarge)
	} else {
		b.buf = growSlice(b.buf[b.off:], b.off+n)
	}
	b.off = 0
	b.buf = b.buf[:m+n]
	return m
}

const maxInt = int(^uint(0) >> 1)

// Grow makes room for at least n more bytes without reallocating.
func (b *Buffer) Grow(n int) {
	if n < 0 {
		panic("bytes.Buffer.Grow: negative count")
	}
	m := b.grow(n)
	b.buf = b.buf[:m]
}

func copyInto(dst []byte, at int, src string) {
	for i := 0; i < len(src); i++ {
		dst[at+i] = src[i]
	}
}

// Write appends p; it never fails.
func (b *Buffer) Write(p []byte) (n int, err error) {
	return b.WriteString(string(p))
}

// WriteString appends s; it never fails.
func (b *Buffer) WriteString(s string) (n int, err error) {
	b.lastRead = opInvalid
	m, ok := b.tryGrowByReslice(len(s))
	if !ok {
		m = b.grow(len(s))
	}
	copyInto(b.buf, m, s)
	return len(s), nil
}

// WriteByte appends c; it never fails.
func (b *Buffer) WriteByte(c byte) error {
	b.lastRead = opInvalid
	m, ok := b.tryGrowByReslice(1)
	if !ok {
		m = b.grow(1)
	}
	b.buf[m] = c
	return nil
}

// WriteRune appends the UTF-8 encoding of r; it never fails.
func (b *Buffer) WriteRune(r rune) (n int, err error) {
	if uint32(r) < utf8.RuneSelf {
		b.WriteByte(byte(r))
		return 1, nil
	}
	b.lastRead = opInvalid
	m, ok := b.tryGrowByReslice(utf8.UTFMax)
	if !ok {
		m = b.grow(utf8.UTFMax)
	}
	n = utf8.EncodeRune(b.buf[m:m+utf8.UTFMax], r)
	b.buf = b.buf[:m+n]
	return n, nil
}

// Read takes up to len(p) unread bytes into p; io.EOF when the buffer is
// empty (and p is not).
func (b *Buffer) Read(p []byte) (n int, err error) {
	b.lastRead = opInvalid
	if b.empty() {
		b.Reset()
		if len(p) == 0 {
			return 0, nil
		}
		return 0, io.EOF
	}
	n = copy(p, b.buf[b.off:])
	b.off += n
	if n > 0 {
		b.lastRead = opRead
	}
	return n, nil
}

// Next takes the next n unread bytes (fewer if there are fewer).
func (b *Buffer) Next(n int) []byte {
	b.lastRead = opInvalid
	m := b.Len()
	if n > m {
		n = m
	}
	data := b.buf[b.off : b.off+n]
	b.off += n
	if n > 0 {
		b.lastRead = opRead
	}
	return data
}

// ReadByte takes the next byte; io.EOF when empty.
func (b *Buffer) ReadByte() (byte, error) {
	if b.empty() {
		b.Reset()
		return 0, io.EOF
	}
	c := b.buf[b.off]
	b.off++
	b.lastRead = opRead
	return c, nil
}

// ReadRune takes the next UTF-8 encoded rune; io.EOF when empty.
func (b *Buffer) ReadRune() (r rune, size int, err error) {
	if b.empty() {
		b.Reset()
		return 0, 0, io.EOF
	}
	c := b.buf[b.off]
	if c < utf8.RuneSelf {
		b.off++
		b.lastRead = 1
		return rune(c), 1, nil
	}
	r, n := utf8.DecodeRune(b.buf[b.off:])
	b.off += n
	b.lastRead = n
	return r, n, nil
}

// UnreadRune puts back the rune just read by ReadRune.
func (b *Buffer) UnreadRune() error {
	if b.lastRead <= opInvalid {
		return errors.New("bytes.Buffer: UnreadRune: previous operation was not a successful ReadRune")
	}
	if b.off >= b.lastRead {
		b.off -= b.lastRead
	}
	b.lastRead = opInvalid
	return nil
}

// UnreadByte puts back the byte just read.
func (b *Buffer) UnreadByte() error {
	if b.lastRead == opInvalid {
		return errUnreadByte
	}
	b.lastRead = opInvalid
	if b.off > 0 {
		b.off--
	}
	return nil
}

// ReadString takes the bytes up to and including the first delim; without
// one, the rest and io.EOF.
func (b *Buffer) ReadString(delim byte) (line string, err error) {
	s, err := b.readSlice(delim)
	return string(s), err
}

// ReadBytes: ReadString returning a copy as bytes.
func (b *Buffer) ReadBytes(delim byte) (line []byte, err error) {
	s, err := b.readSlice(delim)
	return []byte(string(s)), err
}

func (b *Buffer) readSlice(delim byte) (line []byte, err error) {
	i := IndexByte(b.buf[b.off:], delim)
	end := b.off + i + 1
	if i < 0 {
		end = len(b.buf)
		err = io.EOF
	}
	line = b.buf[b.off:end]
	b.off = end
	b.lastRead = opRead
	return line, err
}

// WriteTo writes the unread bytes to w.
func (b *Buffer) WriteTo(w io.Writer) (n int64, err error) {
	b.lastRead = opInvalid
	if nBytes := b.Len(); nBytes > 0 {
		m, e := w.Write(b.buf[b.off:])
		if m > nBytes {
			panic("bytes.Buffer.WriteTo: invalid Write count")
		}
		b.off += m
		n = int64(m)
		if e != nil {
			return n, e
		}
		if m != nBytes {
			return n, io.ErrShortWrite
		}
	}
	b.Reset()
	return n, nil
}

// ReadFrom reads r until EOF, appending to the buffer.
func (b *Buffer) ReadFrom(r io.Reader) (n int64, err error) {
	b.lastRead = opInvalid
	for {
		i := b.grow(MinRead)
		b.buf = b.buf[:i]
		m, e := r.Read(b.buf[i:cap(b.buf)])
		if m < 0 {
			panic(errNegativeRead)
		}
		b.buf = b.buf[:i+m]
		n += int64(m)
		if e == io.EOF {
			return n, nil
		}
		if e != nil {
			return n, e
		}
	}
}
