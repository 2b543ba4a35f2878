// Text helpers of the package's own: reflect may not import strconv,
// which imports errors, which imports internal/reflectlite, which is
// reflect (see lib/internal/reflectlite).

package reflect

import "unicode/utf8"

// itoa is i in decimal.
func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	neg := i < 0
	u := uint64(i)
	if neg {
		u = -u
	}
	var b [20]byte
	n := len(b)
	for u > 0 {
		n--
		b[n] = byte('0' + u%10)
		u /= 10
	}
	if neg {
		n--
		b[n] = '-'
	}
	return string(b[n:])
}

// unquote is the value of Go's double-quoted string literal s, and false
// when s is not one (as strconv.Unquote decides for such literals).
func unquote(s string) (string, bool) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", false
	}
	s = s[1 : len(s)-1]
	var out []byte
	for len(s) > 0 {
		c := s[0]
		switch {
		case c == '"' || c == '\n':
			return "", false
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s)
			if r == utf8.RuneError && size == 1 {
				return "", false
			}
			out = append(out, s[:size]...)
			s = s[size:]
			continue
		case c != '\\':
			out = append(out, c)
			s = s[1:]
			continue
		}
		if len(s) < 2 {
			return "", false
		}
		e := s[1]
		s = s[2:]
		switch e {
		case 'a':
			out = append(out, '\a')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'v':
			out = append(out, '\v')
		case '\\', '"':
			out = append(out, e)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			if len(s) < 2 {
				return "", false
			}
			v := uint(e - '0')
			for _, d := range []byte(s[:2]) {
				if d < '0' || d > '7' {
					return "", false
				}
				v = v*8 + uint(d-'0')
			}
			if v > 255 {
				return "", false
			}
			out = append(out, byte(v))
			s = s[2:]
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			if len(s) < n {
				return "", false
			}
			var v rune
			for _, d := range []byte(s[:n]) {
				switch {
				case '0' <= d && d <= '9':
					v = v*16 + rune(d-'0')
				case 'a' <= d && d <= 'f':
					v = v*16 + rune(d-'a'+10)
				case 'A' <= d && d <= 'F':
					v = v*16 + rune(d-'A'+10)
				default:
					return "", false
				}
			}
			s = s[n:]
			if e == 'x' {
				out = append(out, byte(v))
			} else if !utf8.ValidRune(v) {
				return "", false
			} else {
				out = utf8.AppendRune(out, v)
			}
		default:
			return "", false
		}
	}
	return string(out), true
}
