// run

// bytes: Buffer (growth and capacities as gc, reads, unreads, errors)
// and the slice functions, including which results are nil and which
// share memory with the argument.
package main

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode"
)

func q(b []byte) string { return strconv.Quote(string(b)) + strconv.FormatBool(b == nil) }

func list(a [][]byte) {
	print(len(a), " ")
	for _, x := range a {
		print(q(x), " ")
	}
	println()
}

func main() {
	var b bytes.Buffer
	println(b.Len(), b.Cap(), b.String() == "")
	for i := 0; i < 100; i++ {
		b.WriteString("ab")
		if i%9 == 0 {
			println(b.Len(), b.Cap())
		}
	}
	b.WriteByte('!')
	b.WriteRune('é')
	b.WriteRune('😀')
	b.Write([]byte{0xff})
	println(b.Len(), b.Cap())
	buf := []byte("12345")
	n, err := b.Read(buf)
	println(n, err == nil, string(buf))
	println(string(b.Next(3)), b.Len())
	c, _ := b.ReadByte()
	println(c, b.UnreadByte() == nil, b.UnreadByte().Error())
	line, err := b.ReadString('!')
	println(len(line), err == nil)
	r, size, _ := b.ReadRune()
	println(r, size, b.UnreadRune() == nil, b.UnreadRune().Error())
	r, size, _ = b.ReadRune()
	r, size, _ = b.ReadRune()
	println(r, size)
	rest, err := b.ReadBytes('x')
	println(q(rest), err == io.EOF)
	_, err = b.ReadByte()
	println(err == io.EOF, b.Len(), b.Cap())
	n, err = b.Read(buf)
	println(n, err == io.EOF)
	b.WriteString("reuse")
	println(b.String(), b.Cap())
	b.Truncate(2)
	println(b.String())
	b.Grow(1000)
	println(b.Len(), b.Cap())
	b.Reset()
	println(b.Len(), b.Cap())

	println(bytes.NewBufferString("").Len(), bytes.NewBufferString(strings.Repeat("z", 33)).Cap())
	bb := bytes.NewBufferString("from string")
	println(bb.String(), bb.Len(), bb.Cap())
	var sb strings.Builder
	w, err := bb.WriteTo(&sb)
	println(w, err == nil, sb.String(), bb.Len())
	nb := bytes.NewBuffer([]byte("x"))
	rn, err := nb.ReadFrom(strings.NewReader(strings.Repeat("y", 1500)))
	println(rn, err == nil, nb.Len(), nb.Cap())
	var nilbuf *bytes.Buffer
	println(nilbuf.String())
	var big bytes.Buffer
	for i := 0; i < 5000; i++ {
		big.WriteByte(byte(i))
		if i%700 == 0 {
			println(big.Len(), big.Cap())
		}
		if i%3 == 0 {
			big.ReadByte()
		}
	}
	println(big.Len(), big.Cap())

	s := []byte("  Hello, World! héllo  ")
	println(bytes.Equal(s, s), bytes.Equal(nil, []byte{}), bytes.Compare([]byte("a"), []byte("b")), bytes.Compare(nil, nil))
	println(bytes.Contains(s, []byte("World")), bytes.Index(s, []byte("l")), bytes.LastIndex(s, []byte("l")), bytes.IndexByte(s, 'W'),
		bytes.LastIndexByte(s, 'o'), bytes.IndexRune(s, 'é'), bytes.IndexAny(s, "xyzW"), bytes.Count(s, []byte("l")), bytes.Count(s, nil),
		bytes.HasPrefix(s, []byte("  H")), bytes.HasSuffix(s, []byte("o  ")), bytes.ContainsRune(s, '!'), bytes.ContainsAny(s, "qz"),
		bytes.EqualFold([]byte("Go"), []byte("GO")), bytes.IndexFunc(s, unicode.IsUpper), bytes.LastIndexFunc(s, unicode.IsUpper))
	for _, x := range [][]byte{nil, {}, []byte("   "), []byte(" a "), []byte("xxaxx"), []byte("\u00a0é\u00a0")} {
		println(q(bytes.TrimSpace(x)), q(bytes.Trim(x, " x")), q(bytes.TrimLeft(x, " x")), q(bytes.TrimRight(x, " x")),
			q(bytes.Trim(x, "")), q(bytes.TrimRight(x, "")), q(bytes.TrimFunc(x, unicode.IsSpace)),
			q(bytes.TrimLeftFunc(x, unicode.IsSpace)), q(bytes.TrimRightFunc(x, unicode.IsSpace)),
			q(bytes.TrimPrefix(x, []byte(" "))), q(bytes.TrimSuffix(x, []byte("x"))))
	}
	list(bytes.Split([]byte("a,b,,c"), []byte(",")))
	list(bytes.Split([]byte("héllo"), nil))
	list(bytes.SplitN([]byte("a,b,c"), []byte(","), 2))
	list(bytes.SplitAfter([]byte("a,b,c"), []byte(",")))
	list(bytes.SplitN([]byte("abc"), []byte(""), 2))
	list(bytes.Split(nil, []byte(",")))
	list(bytes.Fields([]byte("  a bb\tccc\n")))
	list(bytes.Fields(nil))
	list(bytes.FieldsFunc([]byte("a1b2c"), unicode.IsDigit))
	parts := bytes.Split([]byte("x-y"), []byte("-"))
	println(cap(parts[0]), cap(parts[1]))
	j := bytes.Join(parts, []byte("+"))
	println(q(j), q(bytes.Join(nil, []byte(","))), q(bytes.Join([][]byte{nil, nil}, nil)))
	println(q(bytes.Repeat([]byte("ab"), 3)), q(bytes.Repeat([]byte("ab"), 0)), q(bytes.ToUpper([]byte("héllo"))), q(bytes.ToLower([]byte("HÉLLO"))),
		q(bytes.Title([]byte("a title"))), q(bytes.ToTitle([]byte("ǆ"))), q(bytes.ReplaceAll([]byte("banana"), []byte("a"), []byte("o"))),
		q(bytes.Replace([]byte("banana"), []byte("a"), []byte("o"), 1)), q(bytes.Map(unicode.ToUpper, []byte("map"))), len(bytes.Runes([]byte("héllo"))))
	before, after, found := bytes.Cut([]byte("k=v"), []byte("="))
	println(q(before), q(after), found)
	before, after, found = bytes.Cut([]byte("kv"), []byte("="))
	println(q(before), q(after), found)
	orig := []byte("  shared  ")
	t := bytes.TrimSpace(orig)
	t[0] = 'S'
	println(string(orig))
	defer func() { println(recover().(string)) }()
	var tb bytes.Buffer
	tb.WriteString("abc")
	tb.Truncate(5)
}

func init() {
	r := bytes.NewReader([]byte("hé\xffz"))
	println(r.Len(), r.Size())
	for {
		ch, size, err := r.ReadRune()
		if err != nil {
			println(err == io.EOF)
			break
		}
		println(ch, size, r.Len())
	}
	println(r.UnreadRune() == nil, r.UnreadRune().Error())
	r.Reset([]byte("ab"))
	c, _ := r.ReadByte()
	println(c, r.UnreadByte() == nil, r.UnreadByte().Error(), r.UnreadRune().Error())
	buf := []byte("...")
	n, err := r.Read(buf)
	println(n, err == nil, string(buf))
	n, err = r.Read(buf)
	println(n, err == io.EOF)
	var rs io.RuneScanner = r
	_, _, err = rs.ReadRune()
	println(err == io.EOF)
}
