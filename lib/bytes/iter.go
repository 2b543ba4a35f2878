// The iterator forms of Split, SplitAfter, Fields and FieldsFunc, and
// Lines (Go 1.24), over subslices of the argument whose capacity ends
// with their length (appending to one never writes into s).

package bytes

import (
	"iter"
	"unicode"
	"unicode/utf8"
)

// Lines: the newline-terminated lines of s, each with its newline (the
// last without one if s does not end in a newline); nothing for empty s.
func Lines(s []byte) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		for rest := s; len(rest) > 0; {
			n := IndexByte(rest, '\n') + 1
			if n == 0 {
				n = len(rest)
			}
			if !yield(rest[:n:n]) {
				return
			}
			rest = rest[n:]
		}
	}
}

// SplitSeq: the pieces Split(s, sep) returns, one at a time.
func SplitSeq(s, sep []byte) iter.Seq[[]byte] { return pieces(s, sep, 0) }

// SplitAfterSeq: the pieces SplitAfter(s, sep) returns, one at a time.
func SplitAfterSeq(s, sep []byte) iter.Seq[[]byte] { return pieces(s, sep, len(sep)) }

// pieces: the parts of s between the separators sep, each followed by
// the first keep bytes of the separator after it; an empty sep cuts s
// after each UTF-8 sequence (an invalid byte alone).
func pieces(s, sep []byte, keep int) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		rest := s
		if len(sep) == 0 {
			for len(rest) > 0 {
				_, n := utf8.DecodeRune(rest)
				if !yield(rest[:n:n]) {
					return
				}
				rest = rest[n:]
			}
			return
		}
		for {
			i := Index(rest, sep)
			if i < 0 {
				yield(rest[:len(rest):len(rest)])
				return
			}
			if !yield(rest[: i+keep : i+keep]) {
				return
			}
			rest = rest[i+len(sep):]
		}
	}
}

// FieldsSeq: the fields Fields(s) returns, one at a time.
func FieldsSeq(s []byte) iter.Seq[[]byte] { return FieldsFuncSeq(s, unicode.IsSpace) }

// FieldsFuncSeq: the fields FieldsFunc(s, f) returns, one at a time (f
// sees U+FFFD for a byte that is not valid UTF-8).
func FieldsFuncSeq(s []byte, f func(rune) bool) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		start := -1
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRune(s[i:])
			if !f(r) {
				if start < 0 {
					start = i
				}
			} else if start >= 0 {
				if !yield(s[start:i:i]) {
					return
				}
				start = -1
			}
			i += n
		}
		if start >= 0 {
			yield(s[start:len(s):len(s)])
		}
	}
}
