// Package io: the basic reading and writing interfaces. deft's
// implementation (a small subset).
package io

import "errors"

// EOF: what Read returns when no more input is available.
var EOF = errors.New("EOF")

// ErrUnexpectedEOF: the input ended in the middle of a value.
var ErrUnexpectedEOF = errors.New("unexpected EOF")

// ErrShortWrite: a write accepted fewer bytes than asked, without error.
var ErrShortWrite = errors.New("short write")

// Reader reads up to len(p) bytes into p.
type Reader interface {
	Read(p []byte) (n int, err error)
}

// Writer writes the bytes of p.
type Writer interface {
	Write(p []byte) (n int, err error)
}

// ReadWriter: both.
type ReadWriter interface {
	Reader
	Writer
}

// StringWriter writes the bytes of a string.
type StringWriter interface {
	WriteString(s string) (n int, err error)
}

// ByteWriter writes one byte.
type ByteWriter interface {
	WriteByte(c byte) error
}

// WriteString writes s to w, through its WriteString method when it has
// one.
func WriteString(w Writer, s string) (n int, err error) {
	if sw, ok := w.(StringWriter); ok {
		return sw.WriteString(s)
	}
	return w.Write([]byte(s))
}

// Closer releases a resource.
type Closer interface {
	Close() error
}

// ReadCloser, WriteCloser, ReadWriteCloser: the combinations.
type ReadCloser interface {
	Reader
	Closer
}

type WriteCloser interface {
	Writer
	Closer
}

type ReadWriteCloser interface {
	Reader
	Writer
	Closer
}

// ByteReader reads one byte.
type ByteReader interface {
	ReadByte() (byte, error)
}

// ByteScanner can also step back one byte.
type ByteScanner interface {
	ByteReader
	UnreadByte() error
}

// RuneReader reads one UTF-8 encoded rune.
type RuneReader interface {
	ReadRune() (r rune, size int, err error)
}

// RuneScanner can also step back one rune.
type RuneScanner interface {
	RuneReader
	UnreadRune() error
}

// Until deft has make and append (crates/runtime/src/library/mem.rs).
func makeBytes(n, c int) []byte              { return make([]byte, n, c) }
func appendString(b []byte, s string) []byte { return append(b, s...) }

type discard struct{}

func (discard) Write(p []byte) (int, error)       { return len(p), nil }
func (discard) WriteString(s string) (int, error) { return len(s), nil }

// Discard: a Writer that accepts and drops everything.
var Discard Writer = discard{}

// ReadAll reads r until EOF or an error; reaching EOF is success.
func ReadAll(r Reader) ([]byte, error) {
	b := makeBytes(0, 512)
	buf := makeBytes(512, 512)
	for {
		n, err := r.Read(buf)
		b = appendString(b, string(buf[:n]))
		if err != nil {
			if err == EOF {
				err = nil
			}
			return b, err
		}
	}
}

// WriterTo writes its data to w until it has none left or an error.
type WriterTo interface {
	WriteTo(w Writer) (n int64, err error)
}

// ReaderFrom reads from r until EOF or an error.
type ReaderFrom interface {
	ReadFrom(r Reader) (n int64, err error)
}

// ReaderAt reads len(p) bytes at offset off (independently of any read
// position).
type ReaderAt interface {
	ReadAt(p []byte, off int64) (n int, err error)
}

// Seeker sets the offset of the next Read or Write, relative to whence.
type Seeker interface {
	Seek(offset int64, whence int) (int64, error)
}

// The values of whence.
const (
	SeekStart   = 0 // relative to the origin
	SeekCurrent = 1 // relative to the current offset
	SeekEnd     = 2 // relative to the end
)

// ReadSeeker, WriteSeeker: the combinations with Seeker.
type ReadSeeker interface {
	Reader
	Seeker
}

type WriteSeeker interface {
	Writer
	Seeker
}

// ReadFrom makes Discard a ReaderFrom, as gc's is: io.Copy to it reads
// through an 8 KiB buffer (what a Reader sees of the copy).
func (discard) ReadFrom(r Reader) (n int64, err error) {
	buf := makeBytes(8192, 8192)
	for {
		k, err := r.Read(buf)
		n += int64(k)
		if err != nil {
			if err == EOF {
				return n, nil
			}
			return n, err
		}
	}
}

// Copy copies from src to dst until EOF or an error: the number of bytes
// copied and the first error (EOF is not one). The copy is src.WriteTo(dst)
// when src is a WriterTo, else dst.ReadFrom(src) when dst is a ReaderFrom,
// else reads into a 32 KiB buffer (smaller for a LimitedReader with less
// left) and writes what each read returned.
func Copy(dst Writer, src Reader) (written int64, err error) {
	return copyBuffer(dst, src, nil)
}

// CopyBuffer is Copy reading through buf (when neither WriterTo nor
// ReaderFrom is used); a nil buf allocates one, an empty one panics.
func CopyBuffer(dst Writer, src Reader, buf []byte) (written int64, err error) {
	if buf != nil && len(buf) == 0 {
		panic("empty buffer in CopyBuffer")
	}
	return copyBuffer(dst, src, buf)
}

// CopyN copies n bytes (or until an error): EOF when src ended before n.
func CopyN(dst Writer, src Reader, n int64) (written int64, err error) {
	written, err = Copy(dst, LimitReader(src, n))
	if written == n {
		return n, nil
	}
	if written < n && err == nil {
		err = EOF
	}
	return
}

func copyBuffer(dst Writer, src Reader, buf []byte) (written int64, err error) {
	if wt, ok := src.(WriterTo); ok {
		return wt.WriteTo(dst)
	}
	if rf, ok := dst.(ReaderFrom); ok {
		return rf.ReadFrom(src)
	}
	if buf == nil {
		size := 32 * 1024
		if l, ok := src.(*LimitedReader); ok && int64(size) > l.N {
			size = 1
			if l.N > 1 {
				size = int(l.N)
			}
		}
		buf = makeBytes(size, size)
	}
	for {
		nr, er := src.Read(buf)
		if nr > 0 {
			nw, ew := dst.Write(buf[:nr])
			if nw < 0 || nr < nw {
				nw = 0
				if ew == nil {
					ew = errInvalidWrite
				}
			}
			written += int64(nw)
			if ew != nil {
				return written, ew
			}
			if nr != nw {
				return written, ErrShortWrite
			}
		}
		if er != nil {
			if er != EOF {
				err = er
			}
			return written, err
		}
	}
}

// LimitReader: a Reader of at most n bytes of r.
func LimitReader(r Reader, n int64) Reader { return &LimitedReader{r, n} }

// LimitedReader reads from R, at most N bytes more (N counts down).
type LimitedReader struct {
	R Reader
	N int64
}

// Read reads at most N bytes; EOF once N is used up.
func (l *LimitedReader) Read(p []byte) (n int, err error) {
	if l.N <= 0 {
		return 0, EOF
	}
	if int64(len(p)) > l.N {
		p = p[0:l.N]
	}
	n, err = l.R.Read(p)
	l.N -= int64(n)
	return
}

var errInvalidWrite = errors.New("invalid write result")

// ErrShortBuffer: a read needed a larger buffer than was given.
var ErrShortBuffer = errors.New("short buffer")

// ErrNoProgress: repeated reads returned neither data nor an error.
var ErrNoProgress = errors.New("multiple Read calls return no data or error")

// ReadAtLeast reads into buf until it holds at least min bytes: fewer
// at EOF gives ErrUnexpectedEOF (or EOF when nothing was read), a buf
// shorter than min gives ErrShortBuffer.
func ReadAtLeast(r Reader, buf []byte, min int) (n int, err error) {
	if len(buf) < min {
		return 0, ErrShortBuffer
	}
	for n < min && err == nil {
		var k int
		k, err = r.Read(buf[n:])
		n += k
	}
	if n >= min {
		err = nil
	} else if n > 0 && err == EOF {
		err = ErrUnexpectedEOF
	}
	return n, err
}

// ReadFull reads exactly len(buf) bytes into buf (errors as ReadAtLeast).
func ReadFull(r Reader, buf []byte) (n int, err error) {
	return ReadAtLeast(r, buf, len(buf))
}
