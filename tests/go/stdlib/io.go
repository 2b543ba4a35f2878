// run

// io: the interfaces, EOF, WriteString, Discard, ReadAll and Copy over
// strings.Reader and strings.Builder; strings.ToValidUTF8 and Clone;
// strconv's graphic quoting.
package main

import (
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
)

type upper struct{ w io.Writer }

func (u upper) Write(p []byte) (int, error) {
	return u.w.Write([]byte(strings.ToUpper(string(p))))
}

type failing struct{}

func (failing) Read(p []byte) (int, error) { return 0, errors.New("broken") }

func main() {
	println(io.EOF.Error(), io.ErrUnexpectedEOF.Error(), io.ErrShortWrite.Error(), io.EOF == io.EOF)
	var sb strings.Builder
	n, err := io.WriteString(&sb, "via StringWriter")
	println(n, err == nil, sb.String())
	n, err = io.WriteString(upper{&sb}, " plain")
	println(n, err == nil, sb.String())
	n, err = io.Discard.Write([]byte("gone"))
	println(n, err == nil)
	n, _ = io.WriteString(io.Discard, "gone too")
	println(n)

	data, err := io.ReadAll(strings.NewReader(strings.Repeat("0123456789", 200)))
	println(len(data), err == nil, string(data[1995:]))
	data, err = io.ReadAll(failing{})
	println(len(data), err.Error())

	var out strings.Builder
	w, err := io.Copy(&out, strings.NewReader("copied text"))
	println(w, err == nil, out.String())
	w, err = io.Copy(os.Stdout, strings.NewReader("to stdout\n"))
	println(w, err == nil)

	var r io.Reader = strings.NewReader("abc")
	_, isBR := r.(io.ByteReader)
	_, isRS := r.(io.RuneScanner)
	_, isW := r.(io.Writer)
	println(isBR, isRS, isW)

	for _, s := range []string{"", "ok", "a\xffb", "\xff\xfe\xfd", "é\xc3", "\xed\xa0\x80x"} {
		println(strconv.Quote(strings.ToValidUTF8(s, "?")), strconv.Quote(strings.ToValidUTF8(s, "")), strings.Clone(s) == s)
	}
	println(strconv.QuoteToGraphic("a\u00a0b\u3000c\td\u2028"), strconv.QuoteRuneToGraphic(0xa0), strconv.QuoteRuneToGraphic('\n'))
	b := strconv.AppendQuoteToASCII([]byte("x="), "é")
	b = strconv.AppendQuoteRuneToASCII(b, '世')
	println(string(b))
}

func init() {
	buf := []byte("......")
	for _, s := range []string{"", "abc", "abcdef", "abcdefgh"} {
		r := strings.NewReader(s)
		n, err := io.ReadFull(r, buf)
		e := "nil"
		if err != nil {
			e = err.Error()
		}
		println(n, e, string(buf[:n]))
	}
	n, err := io.ReadAtLeast(strings.NewReader("xyz"), buf[:2], 3)
	println(n, err == io.ErrShortBuffer, err.Error(), io.ErrNoProgress.Error())
}
