// Package bytes: byte slice functions analogous to package strings, and
// Buffer. deft's implementation; most functions search through the
// strings package and return subslices of their argument where gc does.
package bytes

import (
	"internal/bytealg"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Equal: whether a and b hold the same bytes (nil equals empty).
func Equal(a, b []byte) bool { return string(a) == string(b) }

// Compare: -1, 0 or +1 as a sorts before, equal to or after b.
func Compare(a, b []byte) int { return strings.Compare(string(a), string(b)) }

// Contains: whether subslice occurs in b.
func Contains(b, subslice []byte) bool { return Index(b, subslice) >= 0 }

// ContainsAny: whether any rune of chars occurs in b.
func ContainsAny(b []byte, chars string) bool { return IndexAny(b, chars) >= 0 }

// ContainsRune: whether r occurs in b.
func ContainsRune(b []byte, r rune) bool { return IndexRune(b, r) >= 0 }

// ContainsFunc: whether any rune of b satisfies f.
func ContainsFunc(b []byte, f func(rune) bool) bool { return IndexFunc(b, f) >= 0 }

// Count: the number of non-overlapping sep in s (runes + 1 for an empty
// sep).
func Count(s, sep []byte) int {
	if len(sep) == 1 {
		return bytealg.Count(s, sep[0])
	}
	return strings.Count(string(s), string(sep))
}

// HasPrefix: whether s begins with prefix.
func HasPrefix(s, prefix []byte) bool {
	return len(s) >= len(prefix) && Equal(s[:len(prefix)], prefix)
}

// HasSuffix: whether s ends with suffix.
func HasSuffix(s, suffix []byte) bool {
	return len(s) >= len(suffix) && Equal(s[len(s)-len(suffix):], suffix)
}

// Index: the offset of the first sep in s, or -1.
func Index(s, sep []byte) int {
	switch n := len(sep); {
	case n == 0:
		return 0
	case n == 1:
		return bytealg.IndexByte(s, sep[0])
	case n > len(s):
		return -1
	}
	// deft's runtime serves bytealg.Index for separators of any length.
	return bytealg.Index(s, sep)
}

// LastIndex: the offset of the last sep in s, or -1.
func LastIndex(s, sep []byte) int { return strings.LastIndex(string(s), string(sep)) }

// IndexByte: the offset of the first c in b, or -1.
func IndexByte(b []byte, c byte) int { return bytealg.IndexByte(b, c) }

// LastIndexByte: the offset of the last c in s, or -1.
func LastIndexByte(s []byte, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// IndexRune: the offset of the first rune r in s, or -1.
func IndexRune(s []byte, r rune) int { return strings.IndexRune(string(s), r) }

// IndexAny: the offset of the first rune of s in chars, or -1.
func IndexAny(s []byte, chars string) int { return strings.IndexAny(string(s), chars) }

// LastIndexAny: the offset of the last rune of s in chars, or -1.
func LastIndexAny(s []byte, chars string) int { return strings.LastIndexAny(string(s), chars) }

// IndexFunc: the offset of the first rune of s satisfying f, or -1.
func IndexFunc(s []byte, f func(r rune) bool) int { return strings.IndexFunc(string(s), f) }

// LastIndexFunc: the offset of the last rune of s satisfying f, or -1.
func LastIndexFunc(s []byte, f func(r rune) bool) int { return strings.LastIndexFunc(string(s), f) }

// EqualFold: whether s and t are equal under simple case folding.
func EqualFold(s, t []byte) bool { return strings.EqualFold(string(s), string(t)) }

// genSplit: s cut at each sep (at most n pieces; n < 0 all, 0 nil),
// keeping sepSave bytes of the separator; the pieces share s's memory.
func genSplit(s, sep []byte, sepSave, n int) [][]byte {
	if n == 0 {
		return nil
	}
	if len(sep) == 0 {
		return explode(s, n)
	}
	if n < 0 {
		n = Count(s, sep) + 1
	}
	if n > len(s)+1 {
		n = len(s) + 1
	}
	a := makeSlices(n)
	n--
	i := 0
	for i < n {
		m := Index(s, sep)
		if m < 0 {
			break
		}
		a[i] = s[: m+sepSave : m+sepSave]
		s = s[m+len(sep):]
		i++
	}
	a[i] = s
	return a[:i+1]
}

func explode(s []byte, n int) [][]byte {
	if n <= 0 || n > len(s) {
		n = len(s)
	}
	a := makeSlices(n)
	na := 0
	for len(s) > 0 {
		if na+1 >= n {
			a[na] = s
			na++
			break
		}
		_, size := utf8.DecodeRune(s)
		a[na] = s[0:size:size]
		s = s[size:]
		na++
	}
	return a[0:na]
}

// Split: the subslices of s between occurrences of sep.
func Split(s, sep []byte) [][]byte { return genSplit(s, sep, 0, -1) }

// SplitN: Split into at most n pieces.
func SplitN(s, sep []byte, n int) [][]byte { return genSplit(s, sep, 0, n) }

// SplitAfter: Split keeping each separator.
func SplitAfter(s, sep []byte) [][]byte { return genSplit(s, sep, len(sep), -1) }

// SplitAfterN: SplitAfter into at most n pieces.
func SplitAfterN(s, sep []byte, n int) [][]byte { return genSplit(s, sep, len(sep), n) }

// Fields: the runs of s between white space.
func Fields(s []byte) [][]byte { return FieldsFunc(s, unicode.IsSpace) }

// FieldsFunc: the runs of s of runes not satisfying f.
func FieldsFunc(s []byte, f func(rune) bool) [][]byte {
	str := string(s)
	parts := strings.FieldsFunc(str, f)
	a := makeSlices(len(parts))
	off := 0
	for i, p := range parts {
		start := off + strings.Index(str[off:], p)
		end := start + len(p)
		a[i] = s[start:end:end]
		off = end
	}
	return a
}

// Join: the elements of s with sep between them, in a new slice.
func Join(s [][]byte, sep []byte) []byte {
	if len(s) == 0 {
		return []byte{}
	}
	var out []byte
	for i, e := range s {
		if i > 0 {
			out = appendString(out, string(sep))
		}
		out = appendString(out, string(e))
	}
	if out == nil {
		return []byte{}
	}
	return []byte(string(out))
}

// Repeat: count copies of b. A negative count panics.
func Repeat(b []byte, count int) []byte {
	if count == 0 {
		return []byte{}
	}
	if count < 0 {
		panic("bytes: negative Repeat count")
	} else if len(b)*count/count != len(b) {
		panic("bytes: Repeat count causes overflow")
	}
	return []byte(strings.Repeat(string(b), count))
}

// Runes: the runes of s (invalid bytes as U+FFFD).
func Runes(s []byte) []rune { return []rune(string(s)) }

// ToUpper: a copy of s with every rune upper-cased.
func ToUpper(s []byte) []byte { return []byte(strings.ToUpper(string(s))) }

// ToLower: a copy of s with every rune lower-cased.
func ToLower(s []byte) []byte { return []byte(strings.ToLower(string(s))) }

// ToTitle: a copy of s with every rune title-cased.
func ToTitle(s []byte) []byte { return []byte(strings.ToTitle(string(s))) }

// Title: a copy of s with each word's first letter title-cased.
func Title(s []byte) []byte { return []byte(strings.Title(string(s))) }

// Map: a copy of s with each rune mapped (dropped when negative).
func Map(mapping func(r rune) rune, s []byte) []byte {
	return []byte(strings.Map(mapping, string(s)))
}

// Replace: a copy of s with the first n old replaced by new (n < 0: all).
func Replace(s, old, new []byte, n int) []byte {
	return []byte(strings.Replace(string(s), string(old), string(new), n))
}

// ReplaceAll: Replace with no limit.
func ReplaceAll(s, old, new []byte) []byte { return Replace(s, old, new, -1) }

// The trimming functions return subslices of s, and nil when they trim
// everything (TrimRight and TrimRightFunc: an empty subslice), as gc's do.

// TrimSpace: s without leading and trailing white space.
func TrimSpace(s []byte) []byte {
	str := string(s)
	left := strings.TrimLeftFunc(str, unicode.IsSpace)
	t := strings.TrimRightFunc(left, unicode.IsSpace)
	return cut(s, len(str)-len(left), len(t))
}

// cut: s[start:start+n], or nil when n is 0.
func cut(s []byte, start, n int) []byte {
	if n == 0 {
		return nil
	}
	return s[start : start+n]
}

// Trim: s without leading and trailing runes in cutset.
func Trim(s []byte, cutset string) []byte {
	str := string(s)
	left := strings.TrimLeft(str, cutset)
	return cut(s, len(str)-len(left), len(strings.TrimRight(left, cutset)))
}

// TrimLeft: s without leading runes in cutset.
func TrimLeft(s []byte, cutset string) []byte {
	str := string(s)
	left := strings.TrimLeft(str, cutset)
	return cut(s, len(str)-len(left), len(left))
}

// TrimRight: s without trailing runes in cutset (never nil for a
// non-nil s).
func TrimRight(s []byte, cutset string) []byte {
	return s[:len(strings.TrimRight(string(s), cutset))]
}

// TrimLeftFunc: s without leading runes satisfying f (nil if none is
// left).
func TrimLeftFunc(s []byte, f func(r rune) bool) []byte {
	str := string(s)
	left := strings.TrimLeftFunc(str, f)
	return cut(s, len(str)-len(left), len(left))
}

// TrimRightFunc: s without trailing runes satisfying f.
func TrimRightFunc(s []byte, f func(r rune) bool) []byte {
	return s[:len(strings.TrimRightFunc(string(s), f))]
}

// TrimFunc: s without leading and trailing runes satisfying f.
func TrimFunc(s []byte, f func(r rune) bool) []byte {
	str := string(s)
	left := strings.TrimLeftFunc(str, f)
	return cut(s, len(str)-len(left), len(strings.TrimRightFunc(left, f)))
}

// TrimPrefix: s without prefix, if it starts with it.
func TrimPrefix(s, prefix []byte) []byte {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

// TrimSuffix: s without suffix, if it ends with it.
func TrimSuffix(s, suffix []byte) []byte {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

// CutLast splits s around the last sep, as Cut does around the first.
func CutLast(s, sep []byte) (before, after []byte, found bool) {
	if i := LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, nil, false
}

// CutPrefix: s without prefix, and whether s began with it (if not, s).
func CutPrefix(s, prefix []byte) (after []byte, found bool) {
	if !HasPrefix(s, prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

// CutSuffix: s without suffix, and whether s ended with it (if not, s).
func CutSuffix(s, suffix []byte) (before []byte, found bool) {
	if !HasSuffix(s, suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}

// Cut splits s around the first sep.
func Cut(s, sep []byte) (before, after []byte, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, nil, false
}

// Clone: a copy of b in new memory (nil for nil).
func Clone(b []byte) []byte {
	if b == nil {
		return nil
	}
	return append([]byte{}, b...)
}
