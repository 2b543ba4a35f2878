// Package strconv: converting between numbers, booleans and their string
// forms, and quoting Go literals. deft's implementation: integer and bool
// conversions in Go, quoting by the runtime
// (crates/runtime/src/library/strconv.rs). FormatFloat and ParseFloat are
// not available yet.
package strconv

import "errors"

// IntSize: the size of int in bits.
const IntSize = 64

// Until deft has make and append (crates/runtime/src/library/mem.rs).
func makeBytes(n, c int) []byte { return make([]byte, n, c) }
func appendString(b []byte, s string) []byte { return append(b, s...) }
// ErrRange: the value does not fit the target type.
var ErrRange = errors.New("value out of range")

// ErrSyntax: the text is not a well-formed value.
var ErrSyntax = errors.New("invalid syntax")

// NumError: a failed conversion: the function (ParseInt, Atoi, ...), its
// input, and why (ErrRange, ErrSyntax or another error).
type NumError struct {
	Func string
	Num  string
	Err  error
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": " + "parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error { return e.Err }

func syntaxError(fn, str string) *NumError { return &NumError{fn, str, ErrSyntax} }

func rangeError(fn, str string) *NumError { return &NumError{fn, str, ErrRange} }

func baseError(fn, str string, base int) *NumError {
	return &NumError{fn, str, errors.New("invalid base " + Itoa(base))}
}

func bitSizeError(fn, str string, bitSize int) *NumError {
	return &NumError{fn, str, errors.New("invalid bit size " + Itoa(bitSize))}
}

// ParseBool: true for 1, t, T, TRUE, true, True; false for 0, f, F,
// FALSE, false, False; anything else is a syntax error.
func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "true", "TRUE", "True":
		return true, nil
	case "0", "f", "F", "false", "FALSE", "False":
		return false, nil
	}
	return false, syntaxError("ParseBool", str)
}

// FormatBool: "true" or "false".
func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// AppendBool: dst with FormatBool(b) appended.
func AppendBool(dst []byte, b bool) []byte { return appendString(dst, FormatBool(b)) }

const digits = "0123456789abcdefghijklmnopqrstuvwxyz"

// formatBits: the digits of u in base (2 to 36), after a minus sign when
// neg (u then being the magnitude).
func formatBits(u uint64, base int, neg bool) string {
	if base < 2 || base > len(digits) {
		panic("strconv: illegal AppendInt/FormatInt base")
	}
	buf := makeBytes(65, 65)
	i := len(buf)
	b := uint64(base)
	for u >= b {
		i--
		q := u / b
		buf[i] = digits[u-q*b]
		u = q
	}
	i--
	buf[i] = digits[u]
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}

// FormatUint: i in base (2 to 36), lower-case letters for digits above 9.
func FormatUint(i uint64, base int) string { return formatBits(i, base, false) }

// FormatInt: i in base (2 to 36), with a leading '-' when negative.
func FormatInt(i int64, base int) string {
	if i < 0 {
		return formatBits(-uint64(i), base, true)
	}
	return formatBits(uint64(i), base, false)
}

// Itoa: FormatInt(int64(i), 10).
func Itoa(i int) string { return FormatInt(int64(i), 10) }

// AppendInt: dst with FormatInt(i, base) appended.
func AppendInt(dst []byte, i int64, base int) []byte { return appendString(dst, FormatInt(i, base)) }

// AppendUint: dst with FormatUint(i, base) appended.
func AppendUint(dst []byte, i uint64, base int) []byte {
	return appendString(dst, FormatUint(i, base))
}

func lower(c byte) byte { return c | ('x' - 'X') }

// ParseUint: s as an unsigned integer in base (2 to 36, or 0: decided by
// a 0b, 0o, 0x or 0 prefix, with underscores allowed between digits) that
// must fit in bitSize bits (0: IntSize). Out of range values give the
// largest value and ErrRange.
func ParseUint(s string, base int, bitSize int) (uint64, error) {
	const fnParseUint = "ParseUint"
	if s == "" {
		return 0, syntaxError(fnParseUint, s)
	}
	base0 := base == 0
	s0 := s
	switch {
	case 2 <= base && base <= 36:
	case base == 0:
		base = 10
		if s[0] == '0' {
			switch {
			case len(s) >= 3 && lower(s[1]) == 'b':
				base = 2
				s = s[2:]
			case len(s) >= 3 && lower(s[1]) == 'o':
				base = 8
				s = s[2:]
			case len(s) >= 3 && lower(s[1]) == 'x':
				base = 16
				s = s[2:]
			default:
				base = 8
				s = s[1:]
			}
		}
	default:
		return 0, baseError(fnParseUint, s0, base)
	}
	if bitSize == 0 {
		bitSize = IntSize
	} else if bitSize < 0 || bitSize > 64 {
		return 0, bitSizeError(fnParseUint, s0, bitSize)
	}
	// n*base overflows once n reaches cutoff.
	const maxUint64 = 1<<64 - 1
	cutoff := uint64(maxUint64)/uint64(base) + 1
	maxVal := uint64(1)<<uint(bitSize) - 1
	underscores := false
	var n uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		var d byte
		switch {
		case c == '_' && base0:
			underscores = true
			continue
		case '0' <= c && c <= '9':
			d = c - '0'
		case 'a' <= lower(c) && lower(c) <= 'z':
			d = lower(c) - 'a' + 10
		default:
			return 0, syntaxError(fnParseUint, s0)
		}
		if d >= byte(base) {
			return 0, syntaxError(fnParseUint, s0)
		}
		if n >= cutoff {
			return maxVal, rangeError(fnParseUint, s0)
		}
		n *= uint64(base)
		n1 := n + uint64(d)
		if n1 < n || n1 > maxVal {
			return maxVal, rangeError(fnParseUint, s0)
		}
		n = n1
	}
	if underscores && !underscoreOK(s0) {
		return 0, syntaxError(fnParseUint, s0)
	}
	return n, nil
}

// ParseInt: s, with an optional sign, as a signed integer; base and
// bitSize as for ParseUint. Out of range values give the nearest limit
// and ErrRange.
func ParseInt(s string, base int, bitSize int) (i int64, err error) {
	const fnParseInt = "ParseInt"
	if s == "" {
		return 0, syntaxError(fnParseInt, s)
	}
	s0 := s
	neg := false
	if s[0] == '+' {
		s = s[1:]
	} else if s[0] == '-' {
		neg = true
		s = s[1:]
	}
	un, err := ParseUint(s, base, bitSize)
	if err != nil && err.(*NumError).Err != ErrRange {
		err.(*NumError).Func = fnParseInt
		err.(*NumError).Num = s0
		return 0, err
	}
	if bitSize == 0 {
		bitSize = IntSize
	}
	cutoff := uint64(1) << uint(bitSize-1)
	if !neg && un >= cutoff {
		return int64(cutoff - 1), rangeError(fnParseInt, s0)
	}
	if neg && un > cutoff {
		return -int64(cutoff), rangeError(fnParseInt, s0)
	}
	n := int64(un)
	if neg {
		n = -n
	}
	return n, nil
}

// Atoi: ParseInt(s, 10, 0) as an int (errors name Atoi).
func Atoi(s string) (int, error) {
	const fnAtoi = "Atoi"
	if 0 < len(s) && len(s) < 19 {
		// Short enough that it cannot overflow: parse directly.
		s0 := s
		neg := false
		if s[0] == '-' || s[0] == '+' {
			neg = s[0] == '-'
			s = s[1:]
			if len(s) < 1 {
				return 0, syntaxError(fnAtoi, s0)
			}
		}
		n := 0
		for i := 0; i < len(s); i++ {
			ch := s[i] - '0'
			if ch > 9 {
				return 0, syntaxError(fnAtoi, s0)
			}
			n = n*10 + int(ch)
		}
		if neg {
			n = -n
		}
		return n, nil
	}
	i64, err := ParseInt(s, 10, 0)
	if nerr, ok := err.(*NumError); ok {
		nerr.Func = fnAtoi
	}
	return int(i64), err
}

// underscoreOK: whether the underscores in s (a base-prefixed literal)
// only ever separate digits, or a base prefix and a digit.
func underscoreOK(s string) bool {
	// prev: 'd' after a digit or the base prefix, '_' after an
	// underscore, 's' at the start, 'x' after anything else.
	prev := byte('s')
	i := 0
	if len(s) >= 1 && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	hex := false
	if len(s) >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x') {
		i = 2
		prev = 'd'
		hex = lower(s[1]) == 'x'
	}
	for ; i < len(s); i++ {
		c := s[i]
		if '0' <= c && c <= '9' || hex && 'a' <= lower(c) && lower(c) <= 'f' {
			prev = 'd'
			continue
		}
		if c == '_' {
			if prev != 'd' {
				return false
			}
			prev = '_'
			continue
		}
		if prev == '_' {
			return false
		}
		prev = 'x'
	}
	return prev != '_'
}

// Quote: s as a double-quoted Go string literal; control characters,
// non-printable runes and invalid bytes are escaped.
func Quote(s string) string

// QuoteToASCII: Quote, escaping every non-ASCII rune as well.
func QuoteToASCII(s string) string

// QuoteRune: r as a single-quoted Go rune literal (an invalid r as
// U+FFFD).
func QuoteRune(r rune) string

// QuoteRuneToASCII: QuoteRune, escaping a non-ASCII rune.
func QuoteRuneToASCII(r rune) string

// AppendQuote: dst with Quote(s) appended.
func AppendQuote(dst []byte, s string) []byte { return appendString(dst, Quote(s)) }

// AppendQuoteRune: dst with QuoteRune(r) appended.
func AppendQuoteRune(dst []byte, r rune) []byte { return appendString(dst, QuoteRune(r)) }

// QuoteToGraphic: Quote, leaving every graphic rune (Zs spaces too)
// unescaped.
func QuoteToGraphic(s string) string

// QuoteRuneToGraphic: QuoteRune, leaving a graphic rune unescaped.
func QuoteRuneToGraphic(r rune) string

// AppendQuoteToASCII: dst with QuoteToASCII(s) appended.
func AppendQuoteToASCII(dst []byte, s string) []byte { return appendString(dst, QuoteToASCII(s)) }

// AppendQuoteRuneToASCII: dst with QuoteRuneToASCII(r) appended.
func AppendQuoteRuneToASCII(dst []byte, r rune) []byte {
	return appendString(dst, QuoteRuneToASCII(r))
}

// formatFloat and parseFloat are the runtime's float engine (shared with
// fmt): shortest round-trip digits for precision -1, exact rounding
// otherwise. parseFloat sets *status to 0 (ok), 1 (syntax) or 2 (range).
func formatFloat(f float64, fmt byte, prec, bitSize int) string
func parseFloat(s string, bitSize int, status *int) float64

// FormatFloat formats f in format fmt ('e', 'E', 'f', 'g', 'G', 'b', 'x',
// 'X') with precision prec (-1: the fewest digits that read back as f),
// as a float of bitSize bits.
func FormatFloat(f float64, fmt byte, prec, bitSize int) string {
	return formatFloat(f, fmt, prec, bitSize)
}

// AppendFloat appends FormatFloat's text to dst.
func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return appendString(dst, formatFloat(f, fmt, prec, bitSize))
}

// ParseFloat reads s as a float of bitSize bits: decimal or hexadecimal,
// with underscores, "inf" and "nan". Out of range values give ±Inf (or
// the largest float) and ErrRange.
func ParseFloat(s string, bitSize int) (float64, error) {
	status := 0
	f := parseFloat(s, bitSize, &status)
	switch status {
	case 1:
		return 0, syntaxError("ParseFloat", s)
	case 2:
		return f, rangeError("ParseFloat", s)
	}
	return f, nil
}
