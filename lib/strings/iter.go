// The iterator forms of Split, SplitAfter, Fields and FieldsFunc, and
// Lines (Go 1.24). Each iterator reads s afresh when ranged, and stops as
// soon as yield returns false.

package strings

import (
	"iter"
	"unicode"
	"unicode/utf8"
)

// Lines: the newline-terminated lines of s, each with its newline (the
// last without one if s does not end in a newline); nothing for "".
func Lines(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for rest := s; rest != ""; {
			n := IndexByte(rest, '\n') + 1
			if n == 0 {
				n = len(rest)
			}
			if !yield(rest[:n]) {
				return
			}
			rest = rest[n:]
		}
	}
}

// SplitSeq: the pieces Split(s, sep) returns, one at a time.
func SplitSeq(s, sep string) iter.Seq[string] { return pieces(s, sep, 0) }

// SplitAfterSeq: the pieces SplitAfter(s, sep) returns, one at a time.
func SplitAfterSeq(s, sep string) iter.Seq[string] { return pieces(s, sep, len(sep)) }

// pieces: the parts of s between the separators sep, each followed by
// the first keep bytes of the separator after it; an empty sep cuts s
// after each UTF-8 sequence (an invalid byte alone).
func pieces(s, sep string, keep int) iter.Seq[string] {
	return func(yield func(string) bool) {
		rest := s
		if sep == "" {
			for rest != "" {
				_, n := utf8.DecodeRuneInString(rest)
				if !yield(rest[:n]) {
					return
				}
				rest = rest[n:]
			}
			return
		}
		for {
			i := Index(rest, sep)
			if i < 0 {
				yield(rest)
				return
			}
			if !yield(rest[:i+keep]) {
				return
			}
			rest = rest[i+len(sep):]
		}
	}
}

// FieldsSeq: the fields Fields(s) returns, one at a time.
func FieldsSeq(s string) iter.Seq[string] { return FieldsFuncSeq(s, unicode.IsSpace) }

// FieldsFuncSeq: the fields FieldsFunc(s, f) returns, one at a time (f
// sees U+FFFD for a byte that is not valid UTF-8).
func FieldsFuncSeq(s string, f func(rune) bool) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := -1
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !f(r) {
				if start < 0 {
					start = i
				}
			} else if start >= 0 {
				if !yield(s[start:i]) {
					return
				}
				start = -1
			}
			i += n
		}
		if start >= 0 {
			yield(s[start:])
		}
	}
}
