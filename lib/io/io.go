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
func makeBytes(n, c int) []byte { return make([]byte, n, c) }
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

// Copy copies from src to dst until EOF or an error: the number of bytes
// copied and the first error (EOF is not one).
func Copy(dst Writer, src Reader) (written int64, err error) {
	buf := makeBytes(32*1024, 32*1024)
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
