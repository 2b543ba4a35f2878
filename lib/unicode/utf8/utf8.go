// Package utf8: encoding and decoding runes as UTF-8. deft's
// implementation, in Go.
//
// Decoding never fails: a byte that does not start a well-formed
// encoding (a stray continuation byte, a truncated sequence, an overlong
// form, a surrogate half, a value above MaxRune) decodes as RuneError
// with width 1, so the next decode starts at the following byte.
package utf8

const (
	RuneError = '\uFFFD'     // decoding result of an invalid encoding
	RuneSelf  = 0x80         // bytes below this are runes of their own
	MaxRune   = '\U0010FFFF' // the largest Unicode code point
	UTFMax    = 4            // the longest encoding, in bytes
)

const (
	surrogateMin = 0xD800
	surrogateMax = 0xDFFF
)

// bounds of the second byte after lead byte b0 (valid leads only); width
// of the encoding, or 1 for a byte that cannot lead one.
func lead(b0 byte) (width int, lo, hi byte) {
	switch {
	case b0 < 0x80:
		return 1, 0, 0
	case b0 < 0xC2 || b0 > 0xF4:
		return 1, 0, 0
	case b0 < 0xE0:
		return 2, 0x80, 0xBF
	case b0 == 0xE0:
		return 3, 0xA0, 0xBF
	case b0 == 0xED:
		return 3, 0x80, 0x9F
	case b0 < 0xF0:
		return 3, 0x80, 0xBF
	case b0 == 0xF0:
		return 4, 0x90, 0xBF
	case b0 == 0xF4:
		return 4, 0x80, 0x8F
	}
	return 4, 0x80, 0xBF
}

func isCont(b byte) bool { return b&0xC0 == 0x80 }

// DecodeRuneInString: the first rune of s and its width in bytes;
// (RuneError, 0) for an empty s, (RuneError, 1) for an invalid encoding.
func DecodeRuneInString(s string) (rune, int) {
	n := len(s)
	if n == 0 {
		return RuneError, 0
	}
	b0 := s[0]
	if b0 < RuneSelf {
		return rune(b0), 1
	}
	w, lo, hi := lead(b0)
	if w == 1 || n < w {
		return RuneError, 1
	}
	b1 := s[1]
	if b1 < lo || b1 > hi {
		return RuneError, 1
	}
	if w == 2 {
		return rune(b0&0x1F)<<6 | rune(b1&0x3F), 2
	}
	b2 := s[2]
	if !isCont(b2) {
		return RuneError, 1
	}
	if w == 3 {
		return rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
	}
	b3 := s[3]
	if !isCont(b3) {
		return RuneError, 1
	}
	return rune(b0&0x07)<<18 | rune(b1&0x3F)<<12 | rune(b2&0x3F)<<6 | rune(b3&0x3F), 4
}

// DecodeRune: DecodeRuneInString for a byte slice.
func DecodeRune(p []byte) (rune, int) {
	n := len(p)
	if n > UTFMax {
		n = UTFMax
	}
	return DecodeRuneInString(string(p[:n]))
}

// DecodeLastRuneInString: the last rune of s and its width; (RuneError, 0)
// for an empty s, (RuneError, 1) when s does not end with a valid
// encoding.
func DecodeLastRuneInString(s string) (rune, int) {
	end := len(s)
	if end == 0 {
		return RuneError, 0
	}
	if s[end-1] < RuneSelf {
		return rune(s[end-1]), 1
	}
	// Back up to the nearest byte that could start a rune, at most UTFMax
	// bytes from the end.
	start := end - 1
	lim := end - UTFMax
	if lim < 0 {
		lim = 0
	}
	for start--; start >= lim; start-- {
		if !isCont(s[start]) {
			break
		}
	}
	if start < 0 {
		start = 0
	}
	r, size := DecodeRuneInString(s[start:end])
	if start+size != end {
		return RuneError, 1
	}
	return r, size
}

// DecodeLastRune: DecodeLastRuneInString for a byte slice.
func DecodeLastRune(p []byte) (rune, int) {
	start := len(p) - UTFMax
	if start < 0 {
		start = 0
	}
	return DecodeLastRuneInString(string(p[start:]))
}

// RuneLen: the number of bytes encoding r takes, or -1 when r is not a
// valid code point (negative, a surrogate half, or above MaxRune).
func RuneLen(r rune) int {
	switch {
	case r < 0:
		return -1
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case surrogateMin <= r && r <= surrogateMax:
		return -1
	case r < 0x10000:
		return 3
	case r <= MaxRune:
		return 4
	}
	return -1
}

// EncodeRune writes the encoding of r into p, which must be large enough,
// and returns its length. An invalid r is written as RuneError.
func EncodeRune(p []byte, r rune) int {
	if !ValidRune(r) {
		r = RuneError
	}
	switch {
	case r < 0x80:
		p[0] = byte(r)
		return 1
	case r < 0x800:
		_ = p[1]
		p[0] = 0xC0 | byte(r>>6)
		p[1] = 0x80 | byte(r)&0x3F
		return 2
	case r < 0x10000:
		_ = p[2]
		p[0] = 0xE0 | byte(r>>12)
		p[1] = 0x80 | byte(r>>6)&0x3F
		p[2] = 0x80 | byte(r)&0x3F
		return 3
	}
	_ = p[3]
	p[0] = 0xF0 | byte(r>>18)
	p[1] = 0x80 | byte(r>>12)&0x3F
	p[2] = 0x80 | byte(r>>6)&0x3F
	p[3] = 0x80 | byte(r)&0x3F
	return 4
}

// RuneCountInString: the number of runes in s, each invalid byte counting
// as one.
func RuneCountInString(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] < RuneSelf {
			i++
		} else {
			_, w := DecodeRuneInString(s[i:])
			i += w
		}
		n++
	}
	return n
}

// RuneCount: RuneCountInString for a byte slice.
func RuneCount(p []byte) int { return RuneCountInString(string(p)) }

// ValidString: whether s consists entirely of valid encodings.
func ValidString(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < RuneSelf {
			i++
			continue
		}
		r, w := DecodeRuneInString(s[i:])
		if r == RuneError && w == 1 {
			return false
		}
		i += w
	}
	return true
}

// Valid: ValidString for a byte slice.
func Valid(p []byte) bool { return ValidString(string(p)) }

// ValidRune: whether r can be encoded (a code point that is not a
// surrogate half).
func ValidRune(r rune) bool {
	return 0 <= r && r < surrogateMin || surrogateMax < r && r <= MaxRune
}

// FullRuneInString: whether s begins with a complete encoding. An invalid
// encoding counts as complete: it decodes as RuneError of width 1.
func FullRuneInString(s string) bool {
	n := len(s)
	if n == 0 {
		return false
	}
	w, lo, hi := lead(s[0])
	if n >= w {
		return true
	}
	if n > 1 && (s[1] < lo || s[1] > hi) {
		return true
	}
	if n > 2 && !isCont(s[2]) {
		return true
	}
	return false
}

// FullRune: FullRuneInString for a byte slice.
func FullRune(p []byte) bool { return FullRuneInString(string(p)) }

// Until deft has append (crates/runtime/src/library/mem.rs).
func appendString(b []byte, s string) []byte { return append(b, s...) }
// AppendRune: p with the encoding of r (U+FFFD for an invalid r)
// appended.
func AppendRune(p []byte, r rune) []byte { return appendString(p, string(r)) }

// RuneStart: whether b can begin an encoding (it is not a continuation
// byte).
func RuneStart(b byte) bool { return b&0xC0 != 0x80 }
