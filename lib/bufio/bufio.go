// Package bufio: buffered readers and writers, and a Scanner splitting
// input into lines, words, runes or bytes. deft's implementation.
package bufio

import (
	"errors"
	"io"
	"unicode/utf8"
)

const defaultSize = 4096

// Errors.
var (
	ErrTooLong         = errors.New("bufio.Scanner: token too long")
	ErrNegativeAdvance = errors.New("bufio.Scanner: SplitFunc returns negative advance count")
	ErrAdvanceTooFar   = errors.New("bufio.Scanner: SplitFunc returns advance count beyond input")
	ErrFinalToken      = errors.New("final token")

	errNegativeRead  = errors.New("bufio: reader returned negative count from Read")
	errNegativeWrite = errors.New("bufio: writer returned negative count from Write")
)

// maxConsecutiveEmptyReads: reads returning neither data nor an error
// before a reader gives up with io.ErrNoProgress.
const maxConsecutiveEmptyReads = 100

// Reader buffers an io.Reader.
type Reader struct {
	rd   io.Reader
	buf  []byte
	r, w int
	err  error
}

// NewReader: a Reader with the default buffer size.
func NewReader(rd io.Reader) *Reader { return NewReaderSize(rd, defaultSize) }

// NewReaderSize: a Reader with a buffer of at least size bytes.
func NewReaderSize(rd io.Reader, size int) *Reader {
	if size < 16 {
		size = 16
	}
	return &Reader{rd: rd, buf: make([]byte, size)}
}

// fill reads more input into the buffer (at least one byte or an error).
func (b *Reader) fill() {
	if b.r > 0 {
		copy(b.buf, b.buf[b.r:b.w])
		b.w -= b.r
		b.r = 0
	}
	for i := 0; i < maxConsecutiveEmptyReads && b.w < len(b.buf); i++ {
		n, err := b.rd.Read(b.buf[b.w:])
		b.w += n
		if err != nil {
			b.err = err
			return
		}
		if n > 0 {
			return
		}
	}
	if b.w < len(b.buf) {
		b.err = io.ErrNoProgress
	}
}

func (b *Reader) readErr() error {
	err := b.err
	b.err = nil
	return err
}

// Buffered: the number of bytes readable from the buffer.
func (b *Reader) Buffered() int { return b.w - b.r }

// Read reads into p: what the buffer holds, else one read of the
// underlying Reader (into p itself when p is at least as large as the
// buffer), as gc's, so that the underlying Reader sees the same reads.
func (b *Reader) Read(p []byte) (n int, err error) {
	if len(p) == 0 {
		if b.Buffered() > 0 {
			return 0, nil
		}
		return 0, b.readErr()
	}
	if b.r == b.w {
		if b.err != nil {
			return 0, b.readErr()
		}
		if len(p) >= len(b.buf) {
			n, b.err = b.rd.Read(p)
			if n < 0 {
				panic(errNegativeRead)
			}
			return n, b.readErr()
		}
		b.r, b.w = 0, 0
		n, b.err = b.rd.Read(b.buf)
		if n < 0 {
			panic(errNegativeRead)
		}
		if n == 0 {
			return 0, b.readErr()
		}
		b.w = n
	}
	n = copy(p, b.buf[b.r:b.w])
	b.r += n
	return n, nil
}

// WriteTo writes the buffered bytes and then the rest of the underlying
// Reader to w (io.WriterTo, which io.Copy prefers): through the
// underlying Reader's WriteTo or w's ReadFrom when they exist, else
// through the buffer.
func (b *Reader) WriteTo(w io.Writer) (n int64, err error) {
	if b.r < b.w {
		n, err = b.writeBuf(w)
		if err != nil {
			return
		}
	}
	if wt, ok := b.rd.(io.WriterTo); ok {
		m, err := wt.WriteTo(w)
		return n + m, err
	}
	if rf, ok := w.(io.ReaderFrom); ok {
		m, err := rf.ReadFrom(b.rd)
		return n + m, err
	}
	if b.w-b.r < len(b.buf) {
		b.fill()
	}
	for b.r < b.w {
		m, err := b.writeBuf(w)
		n += m
		if err != nil {
			return n, err
		}
		b.fill()
	}
	if b.err == io.EOF {
		b.err = nil
	}
	return n, b.readErr()
}

// writeBuf writes the buffered bytes to w.
func (b *Reader) writeBuf(w io.Writer) (int64, error) {
	n, err := w.Write(b.buf[b.r:b.w])
	if n < 0 {
		panic(errNegativeWrite)
	}
	b.r += n
	return int64(n), err
}

// ReadByte reads one byte.
func (b *Reader) ReadByte() (byte, error) {
	for b.r == b.w {
		if b.err != nil {
			return 0, b.readErr()
		}
		b.fill()
	}
	c := b.buf[b.r]
	b.r++
	return c, nil
}

// ReadRune reads one UTF-8 encoded rune and its size.
func (b *Reader) ReadRune() (r rune, size int, err error) {
	for b.r+utf8.UTFMax > b.w && !utf8.FullRune(b.buf[b.r:b.w]) && b.err == nil && b.w-b.r < len(b.buf) {
		b.fill()
	}
	if b.r == b.w {
		return 0, 0, b.readErr()
	}
	r, size = utf8.DecodeRune(b.buf[b.r:b.w])
	b.r += size
	return r, size, nil
}

// ReadString reads up to and including delim; at the end of the input
// it returns what was read and the error.
func (b *Reader) ReadString(delim byte) (string, error) {
	line, err := b.ReadBytes(delim)
	return string(line), err
}

// ReadBytes is ReadString returning a fresh []byte.
func (b *Reader) ReadBytes(delim byte) ([]byte, error) {
	var out []byte
	for {
		for i := b.r; i < b.w; i++ {
			if b.buf[i] == delim {
				out = append(out, b.buf[b.r:i+1]...)
				b.r = i + 1
				return out, nil
			}
		}
		out = append(out, b.buf[b.r:b.w]...)
		b.r = b.w
		if b.err != nil {
			return out, b.readErr()
		}
		b.fill()
	}
}

// ReadLine reads a line without its end ("\n" or "\r\n").
func (b *Reader) ReadLine() (line []byte, isPrefix bool, err error) {
	l, err := b.ReadBytes('\n')
	if len(l) == 0 && err != nil {
		return nil, false, err
	}
	if n := len(l); n > 0 && l[n-1] == '\n' {
		l = l[:n-1]
		if n := len(l); n > 0 && l[n-1] == '\r' {
			l = l[:n-1]
		}
	}
	return l, false, nil
}

// Writer buffers an io.Writer; Flush writes the buffer out.
type Writer struct {
	err error
	buf []byte
	n   int
	wr  io.Writer
}

// NewWriter: a Writer with the default buffer size.
func NewWriter(w io.Writer) *Writer { return NewWriterSize(w, defaultSize) }

// NewWriterSize: a Writer with a buffer of size bytes.
func NewWriterSize(w io.Writer, size int) *Writer {
	if size <= 0 {
		size = defaultSize
	}
	return &Writer{buf: make([]byte, size), wr: w}
}

// Flush writes the buffered bytes to the underlying writer.
func (b *Writer) Flush() error {
	if b.err != nil {
		return b.err
	}
	if b.n == 0 {
		return nil
	}
	n, err := b.wr.Write(b.buf[:b.n])
	if n < b.n && err == nil {
		err = io.ErrShortWrite
	}
	if err != nil {
		if n > 0 && n < b.n {
			copy(b.buf[:b.n-n], b.buf[n:b.n])
		}
		b.n -= n
		b.err = err
		return err
	}
	b.n = 0
	return nil
}

// Available: free bytes in the buffer.
func (b *Writer) Available() int { return len(b.buf) - b.n }

// Buffered: bytes written but not flushed.
func (b *Writer) Buffered() int { return b.n }

// Write writes p (through the buffer).
func (b *Writer) Write(p []byte) (nn int, err error) {
	for len(p) > b.Available() && b.err == nil {
		var n int
		if b.Buffered() == 0 {
			n, b.err = b.wr.Write(p)
		} else {
			n = copy(b.buf[b.n:], p)
			b.n += n
			b.Flush()
		}
		nn += n
		p = p[n:]
	}
	if b.err != nil {
		return nn, b.err
	}
	n := copy(b.buf[b.n:], p)
	b.n += n
	return nn + n, nil
}

// ReadFrom reads r into the buffer until EOF, flushing when it is full
// (io.ReaderFrom, which io.Copy prefers); with an empty buffer and an
// underlying ReaderFrom it hands the copy over to it.
func (b *Writer) ReadFrom(r io.Reader) (n int64, err error) {
	if b.err != nil {
		return 0, b.err
	}
	rf, rfOK := b.wr.(io.ReaderFrom)
	var m int
	for {
		if b.Available() == 0 {
			if err1 := b.Flush(); err1 != nil {
				return n, err1
			}
		}
		if rfOK && b.Buffered() == 0 {
			nn, err := rf.ReadFrom(r)
			b.err = err
			return n + nn, err
		}
		empty := 0
		for empty < maxConsecutiveEmptyReads {
			m, err = r.Read(b.buf[b.n:])
			if m != 0 || err != nil {
				break
			}
			empty++
		}
		if empty == maxConsecutiveEmptyReads {
			return n, io.ErrNoProgress
		}
		b.n += m
		n += int64(m)
		if err != nil {
			break
		}
	}
	if err == io.EOF {
		// A full buffer is flushed right away, as gc does.
		if b.Available() == 0 {
			err = b.Flush()
		} else {
			err = nil
		}
	}
	return n, err
}

// WriteString writes s.
func (b *Writer) WriteString(s string) (int, error) { return b.Write([]byte(s)) }

// WriteByte writes c.
func (b *Writer) WriteByte(c byte) error {
	_, err := b.Write([]byte{c})
	return err
}

// WriteRune writes r in UTF-8.
func (b *Writer) WriteRune(r rune) (int, error) { return b.Write([]byte(string(r))) }

// SplitFunc finds the next token in data (atEOF: no more data follows).
type SplitFunc func(data []byte, atEOF bool) (advance int, token []byte, err error)

// Scanner reads tokens (lines by default) from an io.Reader.
type Scanner struct {
	r       io.Reader
	split   SplitFunc
	max     int
	token   []byte
	buf     []byte
	start   int
	end     int
	err     error
	done    bool
	scanned bool
}

// MaxScanTokenSize: the default largest token.
const MaxScanTokenSize = 64 * 1024

// NewScanner: a Scanner of lines of r.
func NewScanner(r io.Reader) *Scanner {
	return &Scanner{r: r, split: ScanLines, max: MaxScanTokenSize}
}

// Split sets the split function (before the first Scan).
func (s *Scanner) Split(split SplitFunc) {
	if s.scanned {
		panic("Split called after Scan")
	}
	s.split = split
}

// Buffer sets the initial buffer and the largest token size.
func (s *Scanner) Buffer(buf []byte, max int) {
	if s.scanned {
		panic("Buffer called after Scan")
	}
	s.buf = buf[0:cap(buf)]
	s.max = max
}

// Err: the first error other than io.EOF.
func (s *Scanner) Err() error {
	if s.err == io.EOF {
		return nil
	}
	return s.err
}

// Bytes: the last token (valid until the next Scan).
func (s *Scanner) Bytes() []byte { return s.token }

// Text: the last token as a string.
func (s *Scanner) Text() string { return string(s.token) }

// Scan advances to the next token; false at the end or on an error.
func (s *Scanner) Scan() bool {
	if s.done {
		return false
	}
	s.scanned = true
	for {
		if s.end > s.start || s.err != nil {
			advance, token, err := s.split(s.buf[s.start:s.end], s.err != nil)
			if err != nil {
				if err == ErrFinalToken {
					s.token = token
					s.done = true
					return true
				}
				s.setErr(err)
				return false
			}
			if advance < 0 {
				s.setErr(ErrNegativeAdvance)
				return false
			}
			if advance > s.end-s.start {
				s.setErr(ErrAdvanceTooFar)
				return false
			}
			s.start += advance
			if token != nil || advance > 0 && s.err == nil {
				if token != nil {
					s.token = token
					return true
				}
				continue
			}
		}
		if s.err != nil {
			s.start, s.end = 0, 0
			s.token = nil
			s.done = true
			return false
		}
		s.refill()
	}
}

// refill makes room and reads more input.
func (s *Scanner) refill() {
	if s.start > 0 && (s.end == len(s.buf) || s.start > len(s.buf)/2) {
		copy(s.buf, s.buf[s.start:s.end])
		s.end -= s.start
		s.start = 0
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= s.max {
			s.setErr(ErrTooLong)
			return
		}
		size := len(s.buf) * 2
		if size == 0 {
			size = 4096
		}
		if size > s.max {
			size = s.max
		}
		nb := make([]byte, size)
		copy(nb, s.buf[s.start:s.end])
		s.end -= s.start
		s.start = 0
		s.buf = nb
	}
	for loops := 0; ; loops++ {
		n, err := s.r.Read(s.buf[s.end:len(s.buf)])
		s.end += n
		if err != nil {
			s.setErr(err)
			return
		}
		if n > 0 {
			return
		}
		if loops > 100 {
			s.setErr(io.ErrNoProgress)
			return
		}
	}
}

func (s *Scanner) setErr(err error) {
	if s.err == nil || s.err == io.EOF {
		s.err = err
	}
}

// ScanBytes: each byte is a token.
func ScanBytes(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	return 1, data[0:1], nil
}

// ScanRunes: each UTF-8 rune is a token (invalid bytes give U+FFFD).
func ScanRunes(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	if data[0] < utf8.RuneSelf {
		return 1, data[0:1], nil
	}
	if !atEOF && !utf8.FullRune(data) {
		return 0, nil, nil
	}
	r, width := utf8.DecodeRune(data)
	if r == utf8.RuneError && width == 1 {
		return 1, []byte(string(utf8.RuneError)), nil
	}
	return width, data[0:width], nil
}

// ScanLines: each line without its end ("\n", "\r\n") is a token; a last
// line without a newline counts too.
func ScanLines(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	for i := 0; i < len(data); i++ {
		if data[i] == '\n' {
			return i + 1, dropCR(data[0:i]), nil
		}
	}
	if atEOF {
		return len(data), dropCR(data), nil
	}
	return 0, nil, nil
}

func dropCR(data []byte) []byte {
	if len(data) > 0 && data[len(data)-1] == '\r' {
		return data[0 : len(data)-1]
	}
	return data
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
		return true
	}
	return 0x2000 <= r && r <= 0x200a
}

// ScanWords: each run of non-space runes is a token.
func ScanWords(data []byte, atEOF bool) (advance int, token []byte, err error) {
	start := 0
	for width := 0; start < len(data); start += width {
		var r rune
		r, width = utf8.DecodeRune(data[start:])
		if !isSpace(r) {
			break
		}
	}
	for width, i := 0, start; i < len(data); i += width {
		var r rune
		r, width = utf8.DecodeRune(data[i:])
		if isSpace(r) {
			return i + width, data[start:i], nil
		}
	}
	if atEOF && len(data) > start {
		return len(data), data[start:], nil
	}
	return start, nil, nil
}
