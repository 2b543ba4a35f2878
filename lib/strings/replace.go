package strings

import (
	"errors"
	"io"
	"unicode"
	"unicode/utf8"
)

var (
	errUnreadByte      = errors.New("strings.Reader.UnreadByte: at beginning of string")
	errUnreadRuneStart = errors.New("strings.Reader.UnreadRune: at beginning of string")
	errUnreadRune      = errors.New("strings.Reader.UnreadRune: previous operation was not ReadRune")
)

// Replacer replaces a list of strings with replacements; safe to share.
type Replacer struct {
	oldnew []string
	empty  bool // some old string is empty
}

// NewReplacer makes a Replacer from old, new string pairs. At each
// position of the input the first pair (in argument order) whose old
// string occurs there applies; matches do not overlap. An empty old
// string matches between every two bytes.
func NewReplacer(oldnew ...string) *Replacer {
	if len(oldnew)%2 == 1 {
		panic("strings.NewReplacer: odd argument count")
	}
	r := &Replacer{oldnew: makeStrings(len(oldnew))}
	for i, s := range oldnew {
		r.oldnew[i] = s
		if i%2 == 0 && s == "" {
			r.empty = true
		}
	}
	return r
}

// match: the replacement for the first pair whose old string begins s,
// its length and whether there is one; an empty old string counts only
// when allowEmpty.
func (r *Replacer) match(s string, allowEmpty bool) (string, int, bool) {
	for i := 0; i < len(r.oldnew); i += 2 {
		old := r.oldnew[i]
		if old == "" && !allowEmpty {
			continue
		}
		if HasPrefix(s, old) {
			return r.oldnew[i+1], len(old), true
		}
	}
	return "", 0, false
}

// Replace: s with all replacements made.
func (r *Replacer) Replace(s string) string {
	var b Builder
	last := 0
	prevEmpty := false
	changed := false
	for i := 0; i <= len(s); {
		val, n, ok := r.match(s[i:], !prevEmpty)
		prevEmpty = ok && n == 0
		if ok {
			b.WriteString(s[last:i])
			b.WriteString(val)
			changed = true
			i += n
			last = i
			continue
		}
		i++
	}
	if !changed {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// WriteString writes s with all replacements made to w.
func (r *Replacer) WriteString(w io.Writer, s string) (n int, err error) {
	return io.WriteString(w, r.Replace(s))
}

// isSeparator: whether r separates words for Title.
func isSeparator(r rune) bool {
	if r <= 0x7F {
		switch {
		case '0' <= r && r <= '9', 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', r == '_':
			return false
		}
		return true
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false
	}
	return unicode.IsSpace(r)
}

// Title: s with the first letter of each word mapped to title case.
// (Deprecated in Go: it does not handle Unicode punctuation properly.)
func Title(s string) string {
	prev := ' '
	return Map(func(r rune) rune {
		if isSeparator(prev) {
			prev = r
			return unicode.ToTitle(r)
		}
		prev = r
		return r
	}, s)
}

// Reader reads from a string (io.Reader, io.ByteReader, io.RuneReader).
type Reader struct {
	s        string
	i        int64 // current reading index
	prevRune int   // index of the previous rune read, or -1
}

// NewReader: a Reader reading s.
func NewReader(s string) *Reader { return &Reader{s, 0, -1} }

// Len: the number of unread bytes.
func (r *Reader) Len() int {
	if r.i >= int64(len(r.s)) {
		return 0
	}
	return int(int64(len(r.s)) - r.i)
}

// Size: the length of the underlying string.
func (r *Reader) Size() int64 { return int64(len(r.s)) }

// Read reads up to len(b) bytes; io.EOF at the end.
func (r *Reader) Read(b []byte) (n int, err error) {
	if r.i >= int64(len(r.s)) {
		return 0, io.EOF
	}
	r.prevRune = -1
	n = copy(b, r.s[r.i:])
	r.i += int64(n)
	return n, nil
}

// ReadByte reads one byte; io.EOF at the end.
func (r *Reader) ReadByte() (byte, error) {
	r.prevRune = -1
	if r.i >= int64(len(r.s)) {
		return 0, io.EOF
	}
	c := r.s[r.i]
	r.i++
	return c, nil
}

// UnreadByte steps back one byte.
func (r *Reader) UnreadByte() error {
	if r.i <= 0 {
		return errUnreadByte
	}
	r.prevRune = -1
	r.i--
	return nil
}

// ReadRune reads one rune (U+FFFD, size 1 for an invalid byte).
func (r *Reader) ReadRune() (ch rune, size int, err error) {
	if r.i >= int64(len(r.s)) {
		r.prevRune = -1
		return 0, 0, io.EOF
	}
	r.prevRune = int(r.i)
	if c := r.s[r.i]; c < 0x80 {
		r.i++
		return rune(c), 1, nil
	}
	ch, size = utf8.DecodeRuneInString(r.s[r.i:])
	r.i += int64(size)
	return ch, size, nil
}

// UnreadRune steps back over the rune just read.
func (r *Reader) UnreadRune() error {
	if r.i <= 0 {
		return errUnreadRuneStart
	}
	if r.prevRune < 0 {
		return errUnreadRune
	}
	r.i = int64(r.prevRune)
	r.prevRune = -1
	return nil
}

// Reset makes r read s from the start.
func (r *Reader) Reset(s string) { *r = Reader{s, 0, -1} }

// ReadAt reads len(b) bytes at offset off, independently of the reading
// position; io.EOF when fewer remain.
func (r *Reader) ReadAt(b []byte, off int64) (n int, err error) {
	if off < 0 {
		return 0, errors.New("strings.Reader.ReadAt: negative offset")
	}
	if off >= int64(len(r.s)) {
		return 0, io.EOF
	}
	n = copy(b, r.s[off:])
	if n < len(b) {
		err = io.EOF
	}
	return
}

// Seek sets the reading position (io.Seeker); past the end is allowed.
func (r *Reader) Seek(offset int64, whence int) (int64, error) {
	r.prevRune = -1
	var abs int64
	switch whence {
	case io.SeekStart:
		abs = offset
	case io.SeekCurrent:
		abs = r.i + offset
	case io.SeekEnd:
		abs = int64(len(r.s)) + offset
	default:
		return 0, errors.New("strings.Reader.Seek: invalid whence")
	}
	if abs < 0 {
		return 0, errors.New("strings.Reader.Seek: negative position")
	}
	r.i = abs
	return abs, nil
}

// WriteTo writes the unread bytes to w (io.WriterTo, which io.Copy
// prefers), through w's WriteString when it has one.
func (r *Reader) WriteTo(w io.Writer) (n int64, err error) {
	r.prevRune = -1
	if r.i >= int64(len(r.s)) {
		return 0, nil
	}
	s := r.s[r.i:]
	m, err := io.WriteString(w, s)
	if m > len(s) {
		panic("strings.Reader.WriteTo: invalid WriteString count")
	}
	r.i += int64(m)
	n = int64(m)
	if m != len(s) && err == nil {
		err = io.ErrShortWrite
	}
	return
}
