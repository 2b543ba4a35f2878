// Package strings: searching, splitting, trimming and transforming UTF-8
// strings. deft's implementation, in Go; results match gc's, including
// for invalid UTF-8, where an undecodable byte acts as U+FFFD.
package strings

import (
	"internal/bytealg"
	"unicode"
	"unicode/utf8"
)

func foldRune(r rune) rune

// Index: the byte offset of the first substr in s, or -1.
func Index(s, substr string) int {
	switch n := len(substr); {
	case n == 0:
		return 0
	case n == 1:
		return bytealg.IndexByteString(s, substr[0])
	case n > len(s):
		return -1
	}
	// deft's runtime serves bytealg.IndexString for substrings of any
	// length (gc's assembly only up to bytealg.MaxLen).
	return bytealg.IndexString(s, substr)
}

// LastIndex: the byte offset of the last substr in s, or -1.
func LastIndex(s, substr string) int {
	n := len(substr)
	for i := len(s) - n; i >= 0; i-- {
		if s[i:i+n] == substr {
			return i
		}
	}
	return -1
}

// IndexByte: the offset of the first c in s, or -1.
func IndexByte(s string, c byte) int { return bytealg.IndexByteString(s, c) }

// LastIndexByte: the offset of the last c in s, or -1.
func LastIndexByte(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// IndexRune: the offset of the first rune r in s, or -1. For
// utf8.RuneError, invalid bytes match too; an invalid r matches nothing.
func IndexRune(s string, r rune) int {
	switch {
	case 0 <= r && r < utf8.RuneSelf:
		return IndexByte(s, byte(r))
	case r == utf8.RuneError:
		for i, c := range s {
			if c == utf8.RuneError {
				return i
			}
		}
		return -1
	case !utf8.ValidRune(r):
		return -1
	}
	return Index(s, string(r))
}

// IndexAny: the offset of the first rune of s that is in chars, or -1.
func IndexAny(s, chars string) int {
	if chars == "" {
		return -1
	}
	for i, c := range s {
		if IndexRune(chars, c) >= 0 {
			return i
		}
	}
	return -1
}

// LastIndexAny: the offset of the last rune of s that is in chars, or -1.
func LastIndexAny(s, chars string) int {
	if chars == "" {
		return -1
	}
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if IndexRune(chars, r) >= 0 {
			return i
		}
	}
	return -1
}

// IndexFunc: the offset of the first rune of s satisfying f, or -1.
func IndexFunc(s string, f func(rune) bool) int { return indexFunc(s, f, true) }

// LastIndexFunc: the offset of the last rune of s satisfying f, or -1.
func LastIndexFunc(s string, f func(rune) bool) int { return lastIndexFunc(s, f, true) }

func indexFunc(s string, f func(rune) bool, truth bool) int {
	for i, r := range s {
		if f(r) == truth {
			return i
		}
	}
	return -1
}

func lastIndexFunc(s string, f func(rune) bool, truth bool) int {
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[0:i])
		i -= size
		if f(r) == truth {
			return i
		}
	}
	return -1
}

// Contains: whether substr occurs in s.
func Contains(s, substr string) bool { return Index(s, substr) >= 0 }

// ContainsRune: whether r occurs in s.
func ContainsRune(s string, r rune) bool { return IndexRune(s, r) >= 0 }

// ContainsAny: whether any rune of chars occurs in s.
func ContainsAny(s, chars string) bool { return IndexAny(s, chars) >= 0 }

// ContainsFunc: whether any rune of s satisfies f.
func ContainsFunc(s string, f func(rune) bool) bool { return IndexFunc(s, f) >= 0 }

// HasPrefix: whether s begins with prefix.
func HasPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && s[:len(prefix)] == prefix
}

// HasSuffix: whether s ends with suffix.
func HasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

// Count: the number of non-overlapping substr in s; for an empty substr,
// one more than the number of runes.
func Count(s, substr string) int {
	switch len(substr) {
	case 0:
		return utf8.RuneCountInString(s) + 1
	case 1:
		return bytealg.CountString(s, substr[0])
	}
	n := 0
	for {
		i := Index(s, substr)
		if i < 0 {
			return n
		}
		n++
		s = s[i+len(substr):]
	}
}

// Cut splits s around the first sep: the text before and after it, and
// whether it was found (if not, before is s).
func Cut(s, sep string) (before, after string, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// CutLast splits s around the last sep, as Cut does around the first.
func CutLast(s, sep string) (before, after string, found bool) {
	if i := LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// CutPrefix: s without prefix, and whether s began with it (if not, s).
func CutPrefix(s, prefix string) (after string, found bool) {
	if !HasPrefix(s, prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

// CutSuffix: s without suffix, and whether s ended with it (if not, s).
func CutSuffix(s, suffix string) (before string, found bool) {
	if !HasSuffix(s, suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}

// explode splits s into its UTF-8 sequences, at most n pieces (n < 0:
// all), the last holding the rest. An invalid byte is a piece of its own,
// kept as it is (Go 1.21 and later; before, it became "\uFFFD").
func explode(s string, n int) []string {
	l := utf8.RuneCountInString(s)
	if n < 0 || n > l {
		n = l
	}
	a := makeStrings(n)
	for i := 0; i < n-1; i++ {
		_, size := utf8.DecodeRuneInString(s)
		a[i] = s[:size]
		s = s[size:]
	}
	if n > 0 {
		a[n-1] = s
	}
	return a
}

// genSplit cuts s at each sep into at most n pieces (n < 0: all; n == 0:
// nil), keeping sepSave bytes of the separator on each piece.
func genSplit(s, sep string, sepSave, n int) []string {
	if n == 0 {
		return nil
	}
	if sep == "" {
		return explode(s, n)
	}
	if n < 0 {
		n = Count(s, sep) + 1
	}
	if n > len(s)+1 {
		n = len(s) + 1
	}
	a := makeStrings(n)
	n--
	i := 0
	for i < n {
		m := Index(s, sep)
		if m < 0 {
			break
		}
		a[i] = s[:m+sepSave]
		s = s[m+len(sep):]
		i++
	}
	a[i] = s
	return a[:i+1]
}

// Split: the substrings of s between occurrences of sep; an empty sep
// splits s into its runes.
func Split(s, sep string) []string { return genSplit(s, sep, 0, -1) }

// SplitN: Split into at most n pieces (n < 0: no limit; 0: nil).
func SplitN(s, sep string, n int) []string { return genSplit(s, sep, 0, n) }

// SplitAfter: Split, each piece keeping its trailing sep.
func SplitAfter(s, sep string) []string { return genSplit(s, sep, len(sep), -1) }

// SplitAfterN: SplitAfter into at most n pieces.
func SplitAfterN(s, sep string, n int) []string { return genSplit(s, sep, len(sep), n) }

// Fields: the runs of s between white space (unicode.IsSpace).
func Fields(s string) []string {
	// ASCII text (the common case) is split without decoding runes or
	// calling unicode.IsSpace; any other byte falls back to FieldsFunc.
	n := 0
	inField := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return FieldsFunc(s, unicode.IsSpace)
		}
		space := asciiSpace[c] != 0
		if !space && !inField {
			n++
		}
		inField = !space
	}
	a := make([]string, n)
	k, start := 0, -1
	for i := 0; i < len(s); i++ {
		if asciiSpace[s[i]] == 0 {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			a[k] = s[start:i]
			k++
			start = -1
		}
	}
	if start >= 0 {
		a[k] = s[start:]
	}
	return a
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts: a table
// lookup per byte instead of a call (deft does not inline).
var asciiSpace = [256]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

// FieldsFunc: the runs of s of runes not satisfying f (called once per
// rune, in order).
func FieldsFunc(s string, f func(rune) bool) []string {
	// First pass: classify each rune (marking its first byte) and count
	// the fields; second: cut them out.
	sep := makeBytes(len(s), len(s))
	n := 0
	in := false
	for i, r := range s {
		if f(r) {
			sep[i] = 1
			in = false
		} else {
			if !in {
				n++
			}
			in = true
		}
	}
	a := makeStrings(n)
	k := 0
	start := -1
	for i := range s {
		if sep[i] == 1 {
			if start >= 0 {
				a[k] = s[start:i]
				k++
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		a[k] = s[start:]
	}
	return a
}

// copyAt copies s into b at offset i; returns the offset after it.
func copyAt(b []byte, i int, s string) int {
	for j := 0; j < len(s); j++ {
		b[i+j] = s[j]
	}
	return i + len(s)
}

// Join: the elements of elems with sep between them.
func Join(elems []string, sep string) string {
	switch len(elems) {
	case 0:
		return ""
	case 1:
		return elems[0]
	}
	n := len(sep) * (len(elems) - 1)
	for _, e := range elems {
		n += len(e)
	}
	b := makeBytes(n, n)
	i := copyAt(b, 0, elems[0])
	for _, e := range elems[1:] {
		i = copyAt(b, i, sep)
		i = copyAt(b, i, e)
	}
	return string(b)
}

// Repeat: count copies of s. A negative count, or a result too long to
// represent, panics.
func Repeat(s string, count int) string {
	if count == 0 {
		return ""
	}
	if count < 0 {
		panic("strings: negative Repeat count")
	} else if len(s)*count/count != len(s) {
		panic("strings: Repeat count causes overflow")
	}
	n := len(s) * count
	b := makeBytes(n, n)
	for i := 0; i < n; {
		i = copyAt(b, i, s)
	}
	return string(b)
}

// Replace: s with the first n occurrences of old replaced by new (n < 0:
// all). An empty old matches at the start and after each rune.
func Replace(s, old, new string, n int) string {
	if old == new || n == 0 {
		return s
	}
	if m := Count(s, old); m == 0 {
		return s
	} else if n < 0 || m < n {
		n = m
	}
	size := len(s) + n*(len(new)-len(old))
	t := makeBytes(size, size)
	w := 0
	start := 0
	for i := 0; i < n; i++ {
		j := start
		if len(old) == 0 {
			if i > 0 {
				_, wid := utf8.DecodeRuneInString(s[start:])
				j += wid
			}
		} else {
			j += Index(s[start:], old)
		}
		w = copyAt(t, w, s[start:j])
		w = copyAt(t, w, new)
		start = j + len(old)
	}
	w = copyAt(t, w, s[start:])
	return string(t[:w])
}

// ReplaceAll: Replace with no limit.
func ReplaceAll(s, old, new string) string { return Replace(s, old, new, -1) }

// Map: s with every rune replaced by mapping(rune), dropped where that is
// negative. Invalid bytes are passed as, and replaced by, U+FFFD.
func Map(mapping func(rune) rune, s string) string {
	var b Builder
	changed := false
	for i, c := range s {
		r := mapping(c)
		if !changed {
			if r == c && (c != utf8.RuneError || !invalidAt(s, i)) {
				continue
			}
			changed = true
			b.Grow(len(s) + utf8.UTFMax)
			b.WriteString(s[:i])
		}
		if r >= 0 {
			b.WriteRune(r)
		}
	}
	if !changed {
		return s
	}
	return b.String()
}

// invalidAt: whether s[i:] starts with a byte that is not valid UTF-8.
func invalidAt(s string, i int) bool {
	_, w := utf8.DecodeRuneInString(s[i:])
	return w == 1
}

// ToUpper: s with every rune mapped by unicode.ToUpper.
func ToUpper(s string) string { return mapASCIICase(s, 'a', 'z', unicode.ToUpper) }

// ToLower: s with every rune mapped by unicode.ToLower.
func ToLower(s string) string { return mapASCIICase(s, 'A', 'Z', unicode.ToLower) }

// mapASCIICase moves the ASCII letters lo..hi of s to the other case; s
// itself when there are none (no allocation), one new string otherwise.
// Non-ASCII text goes through Map with f.
func mapASCIICase(s string, lo, hi byte, f func(rune) rune) string {
	first := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return Map(f, s)
		}
		if first < 0 && lo <= c && c <= hi {
			first = i
		}
	}
	if first < 0 {
		return s
	}
	b := make([]byte, len(s))
	copy(b, s[:first])
	for i := first; i < len(s); i++ {
		c := s[i]
		if lo <= c && c <= hi {
			c ^= 'a' - 'A'
		}
		b[i] = c
	}
	return unsafeString(b)
}

// ToTitle: s with every rune mapped by unicode.ToTitle.
func ToTitle(s string) string { return Map(unicode.ToTitle, s) }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// TrimLeftFunc: s without its leading runes that satisfy f.
func TrimLeftFunc(s string, f func(rune) bool) string {
	i := indexFunc(s, f, false)
	if i == -1 {
		return ""
	}
	return s[i:]
}

// TrimRightFunc: s without its trailing runes that satisfy f.
func TrimRightFunc(s string, f func(rune) bool) string {
	i := lastIndexFunc(s, f, false)
	if i >= 0 && s[i] >= utf8.RuneSelf {
		_, wid := utf8.DecodeRuneInString(s[i:])
		i += wid
	} else {
		i++
	}
	return s[0:i]
}

// TrimFunc: s without its leading and trailing runes that satisfy f.
func TrimFunc(s string, f func(rune) bool) string {
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

// TrimSpace: s without leading and trailing white space.
func TrimSpace(s string) string { return TrimFunc(s, unicode.IsSpace) }

func trimLeft(s, cutset string) string {
	for len(s) > 0 {
		r, n := rune(s[0]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s)
		}
		if !ContainsRune(cutset, r) {
			break
		}
		s = s[n:]
	}
	return s
}

func trimRight(s, cutset string) string {
	for len(s) > 0 {
		r, n := rune(s[len(s)-1]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeLastRuneInString(s)
		}
		if !ContainsRune(cutset, r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// Trim: s without the leading and trailing runes that occur in cutset.
func Trim(s, cutset string) string {
	if s == "" || cutset == "" {
		return s
	}
	return trimRight(trimLeft(s, cutset), cutset)
}

// TrimLeft: s without the leading runes that occur in cutset.
func TrimLeft(s, cutset string) string {
	if s == "" || cutset == "" {
		return s
	}
	return trimLeft(s, cutset)
}

// TrimRight: s without the trailing runes that occur in cutset.
func TrimRight(s, cutset string) string {
	if s == "" || cutset == "" {
		return s
	}
	return trimRight(s, cutset)
}

// TrimPrefix: s without prefix, if it starts with it.
func TrimPrefix(s, prefix string) string {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

// TrimSuffix: s without suffix, if it ends with it.
func TrimSuffix(s, suffix string) string {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

// EqualFold: whether s and t are equal under simple Unicode case folding
// (invalid bytes comparing as U+FFFD).
func EqualFold(s, t string) bool {
	for s != "" && t != "" {
		sr, sw := utf8.DecodeRuneInString(s)
		tr, tw := utf8.DecodeRuneInString(t)
		s, t = s[sw:], t[tw:]
		if sr != tr && foldRune(sr) != foldRune(tr) {
			return false
		}
	}
	return s == t
}

// Compare: -1, 0 or +1 as a sorts before, equal to or after b.
func Compare(a, b string) int {
	if a == b {
		return 0
	}
	if a < b {
		return -1
	}
	return 1
}

// Clone: a fresh copy of s.
func Clone(s string) string {
	if len(s) == 0 {
		return ""
	}
	return string([]byte(s))
}

// ToValidUTF8: s with each run of invalid UTF-8 bytes replaced by
// replacement.
func ToValidUTF8(s, replacement string) string {
	var b Builder
	invalid := false // the previous byte was part of an invalid run
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			invalid = false
			b.WriteByte(c)
			continue
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		if w == 1 {
			i++
			if !invalid {
				invalid = true
				b.WriteString(replacement)
			}
			continue
		}
		invalid = false
		b.WriteString(s[i : i+w])
		i += w
	}
	return b.String()
}
