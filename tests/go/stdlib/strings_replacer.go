// run

// strings.NewReplacer (byte, string, overlapping and empty patterns,
// priority by argument order), strings.Title and strings.Reader.
package main

import (
	"io"
	"strconv"
	"strings"
)

func main() {
	rs := []*strings.Replacer{
		strings.NewReplacer("a", "1", "b", "2"),
		strings.NewReplacer("a", "1", "a", "2"),
		strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;"),
		strings.NewReplacer("hello", "HI"),
		strings.NewReplacer("aaa", "3", "aa", "2", "a", "1"),
		strings.NewReplacer("a", "1", "aa", "2", "aaa", "3"),
		strings.NewReplacer("", "X"),
		strings.NewReplacer("", "X", "a", "A"),
		strings.NewReplacer("a", "A", "", "X"),
		strings.NewReplacer("é", "e", "ü", "u"),
		strings.NewReplacer(),
		strings.NewReplacer("abc", ""),
		strings.NewReplacer("x", "yx"),
	}
	inputs := []string{"", "a", "aaaa", "abcab", "<a href=\"x\">&</a>", "hello, hello world", "héllo über", "xx"}
	for i, r := range rs {
		for _, in := range inputs {
			println(i, strconv.Quote(in), strconv.Quote(r.Replace(in)))
		}
	}
	var b strings.Builder
	n, err := rs[2].WriteString(&b, "1 < 2 & 3")
	println(n, err == nil, b.String())

	for _, s := range []string{"", "hello world", "her royal highness", "ünicode ßtraße", "a-b_c d.e 9f", "ǆemal", "  x\ty"} {
		println(strings.Title(s))
	}

	r := strings.NewReader("hé\xffz")
	println(r.Len(), r.Size())
	for {
		ch, size, err := r.ReadRune()
		if err != nil {
			println(err == io.EOF, err.Error())
			break
		}
		println(ch, size, r.Len())
	}
	println(r.UnreadRune() == nil, r.UnreadRune().Error())
	r.Reset("abc")
	c, _ := r.ReadByte()
	println(c, r.UnreadByte() == nil, r.UnreadByte().Error())
	buf := []byte("....")
	n, err = r.Read(buf)
	println(n, err == nil, string(buf))
	n, err = r.Read(buf)
	println(n, err == io.EOF)
	println(r.UnreadRune().Error())
	var rd io.Reader = strings.NewReader("x")
	n, _ = rd.Read(buf)
	println(n, string(buf))
}
