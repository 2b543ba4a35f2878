package strconv

import "unicode/utf8"

// IsPrint: whether r is printable as Go defines it (as unicode.IsPrint:
// letters, marks, numbers, punctuation, symbols and the ASCII space).
func IsPrint(r rune) bool

// IsGraphic: IsPrint, plus the other Zs spaces.
func IsGraphic(r rune) bool

// CanBackquote: whether s can be written as a raw (backquoted) string
// literal unchanged: valid UTF-8 without a byte order mark, backquote,
// DEL, or control character other than tab.
func CanBackquote(s string) bool {
	for len(s) > 0 {
		r, w := utf8.DecodeRuneInString(s)
		s = s[w:]
		if w > 1 {
			if r == '\ufeff' {
				return false
			}
			continue
		}
		if r == utf8.RuneError {
			return false
		}
		if (r < ' ' && r != '\t') || r == '`' || r == '\u007F' {
			return false
		}
	}
	return true
}

func unhex(c byte) (rune, bool) {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0'), true
	case 'a' <= c && c <= 'f':
		return rune(c - 'a' + 10), true
	case 'A' <= c && c <= 'F':
		return rune(c - 'A' + 10), true
	}
	return 0, false
}

// UnquoteChar decodes the first character or escape sequence of s, the
// body of a literal delimited by quote (an unescaped quote is an error
// when quote is ' or "): the value, whether it needs a multi-byte UTF-8
// encoding, and the rest of s. A \x or octal escape gives a byte value.
func UnquoteChar(s string, quote byte) (value rune, multibyte bool, tail string, err error) {
	if len(s) == 0 {
		return 0, false, "", ErrSyntax
	}
	c := s[0]
	switch {
	case c == quote && (quote == '\'' || quote == '"'):
		return 0, false, "", ErrSyntax
	case c >= utf8.RuneSelf:
		r, size := utf8.DecodeRuneInString(s)
		return r, true, s[size:], nil
	case c != '\\':
		return rune(c), false, s[1:], nil
	}
	if len(s) <= 1 {
		return 0, false, "", ErrSyntax
	}
	c = s[1]
	s = s[2:]
	switch c {
	case 'a':
		value = '\a'
	case 'b':
		value = '\b'
	case 'f':
		value = '\f'
	case 'n':
		value = '\n'
	case 'r':
		value = '\r'
	case 't':
		value = '\t'
	case 'v':
		value = '\v'
	case 'x', 'u', 'U':
		n := 2
		if c == 'u' {
			n = 4
		} else if c == 'U' {
			n = 8
		}
		if len(s) < n {
			return 0, false, "", ErrSyntax
		}
		var v rune
		for j := 0; j < n; j++ {
			x, ok := unhex(s[j])
			if !ok {
				return 0, false, "", ErrSyntax
			}
			v = v<<4 | x
		}
		s = s[n:]
		if c != 'x' {
			if !utf8.ValidRune(v) {
				return 0, false, "", ErrSyntax
			}
			multibyte = true
		}
		value = v
	case '0', '1', '2', '3', '4', '5', '6', '7':
		v := rune(c) - '0'
		if len(s) < 2 {
			return 0, false, "", ErrSyntax
		}
		for j := 0; j < 2; j++ {
			x := rune(s[j]) - '0'
			if x < 0 || x > 7 {
				return 0, false, "", ErrSyntax
			}
			v = v<<3 | x
		}
		s = s[2:]
		if v > 255 {
			return 0, false, "", ErrSyntax
		}
		value = v
	case '\\':
		value = '\\'
	case '\'', '"':
		if c != quote {
			return 0, false, "", ErrSyntax
		}
		value = rune(c)
	default:
		return 0, false, "", ErrSyntax
	}
	return value, multibyte, s, nil
}

// appendByte: append(b, c).
func appendByte(b []byte, c byte) []byte {
	n := len(b)
	if n == cap(b) {
		b = appendString(b, " ")
	} else {
		b = b[:n+1]
	}
	b[n] = c
	return b
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

// unquote reads the quoted literal at the start of in: its value (or,
// when !unescape, its source text), the rest of in, and ErrSyntax if in
// does not start with a valid literal.
func unquote(in string, unescape bool) (out, rem string, err error) {
	if len(in) < 2 {
		return "", in, ErrSyntax
	}
	quote := in[0]
	end := -1
	for i := 1; i < len(in); i++ {
		if in[i] == quote {
			end = i + 1 // just past the first candidate closing quote
			break
		}
	}
	if end < 0 {
		return "", in, ErrSyntax
	}
	switch quote {
	case '`':
		// Raw literal: the text as is, minus carriage returns.
		if !unescape {
			return in[:end], in[end:], nil
		}
		body := in[1 : end-1]
		if !containsByte(body, '\r') {
			return body, in[end:], nil
		}
		var buf []byte
		for i := 0; i < len(body); i++ {
			if body[i] != '\r' {
				buf = appendByte(buf, body[i])
			}
		}
		return string(buf), in[end:], nil
	case '"', '\'':
		if !containsByte(in[:end], '\\') && !containsByte(in[:end], '\n') {
			// No escapes: valid if the body is valid UTF-8 (one rune for ').
			body := in[1 : end-1]
			valid := false
			if quote == '"' {
				valid = utf8.ValidString(body)
			} else {
				r, n := utf8.DecodeRuneInString(body)
				valid = n+2 == end && (r != utf8.RuneError || n != 1)
			}
			if valid {
				if unescape {
					return body, in[end:], nil
				}
				return in[:end], in[end:], nil
			}
		}
		in0 := in
		in = in[1:]
		var buf []byte
		for len(in) > 0 && in[0] != quote {
			r, multibyte, tail, err := UnquoteChar(in, quote)
			if in[0] == '\n' || err != nil {
				return "", in0, ErrSyntax
			}
			in = tail
			if unescape {
				if r < utf8.RuneSelf || !multibyte {
					buf = appendByte(buf, byte(r))
				} else {
					buf = appendString(buf, string(r))
				}
			}
			if quote == '\'' {
				break
			}
		}
		if len(in) == 0 || in[0] != quote {
			return "", in0, ErrSyntax
		}
		in = in[1:]
		if unescape {
			return string(buf), in, nil
		}
		return in0[:len(in0)-len(in)], in, nil
	}
	return "", in, ErrSyntax
}

// Unquote: the value of the Go string or rune literal s (quoted with ",
// ' or `); ErrSyntax if s is not exactly one valid literal.
func Unquote(s string) (string, error) {
	out, rem, err := unquote(s, true)
	if len(rem) > 0 {
		return "", ErrSyntax
	}
	return out, err
}

// QuotedPrefix: the quoted literal at the start of s, as written.
func QuotedPrefix(s string) (string, error) {
	out, _, err := unquote(s, false)
	return out, err
}
