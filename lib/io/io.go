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
