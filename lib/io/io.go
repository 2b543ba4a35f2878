// Package io: the basic reader and writer interfaces. deft's implementation.
package io

import "errors"

// Writer: anything bytes can be written to.
type Writer interface {
	Write(p []byte) (n int, err error)
}

// Reader: anything bytes can be read from.
type Reader interface {
	Read(p []byte) (n int, err error)
}

// StringWriter: a writer with a string shortcut.
type StringWriter interface {
	WriteString(s string) (n int, err error)
}

// EOF is the error a Reader returns when no more input is available.
var EOF = errors.New("EOF")
