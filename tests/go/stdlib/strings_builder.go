// run

// strings.Builder: every write method, Len, Cap (growing as append
// does), Grow, Reset, and the zero value.
package main

import (
	"io"
	"strings"
)

func main() {
	var b strings.Builder
	println(b.Len(), b.Cap(), b.String() == "")
	for i := 0; i < 40; i++ {
		b.WriteByte(byte('a' + i%26))
		if i%7 == 0 {
			println(b.Len(), b.Cap())
		}
	}
	n, err := b.WriteString("-ünïcödé-")
	println(n, err == nil, b.Len(), b.Cap())
	n, err = b.WriteRune('世')
	println(n, err == nil)
	n, _ = b.WriteRune(-5)
	println(n)
	n, _ = b.WriteRune(0xd800)
	println(n)
	n, _ = b.WriteRune('x')
	println(n)
	n, err = b.Write([]byte{0xff, 'z'})
	println(n, err == nil, b.WriteByte(0x80) == nil)
	println(b.String(), b.Len(), b.Cap())
	b.Grow(1000)
	println(b.Len(), b.Cap())
	b.Grow(10)
	println(b.Len(), b.Cap())
	b.Reset()
	println(b.Len(), b.Cap(), b.String() == "")
	b.Grow(5)
	println(b.Len(), b.Cap())
	for i := 0; i < 300; i++ {
		b.WriteString("0123456789")
	}
	println(b.Len(), b.Cap())

	var w io.Writer = &b
	w.Write([]byte("!"))
	var sw io.StringWriter = &b
	sw.WriteString("?")
	io.WriteString(w, "#")
	s := b.String()
	println(len(s), s[len(s)-3:])

	var c strings.Builder
	c.WriteString("snapshot")
	snap := c.String()
	c.WriteString(" more")
	println(snap, c.String())

	defer func() { println("recovered:", recover().(string)) }()
	var d strings.Builder
	d.Grow(-1)
}

func init() {
	// WriteRune grows as append does (it did like Grow, 2*cap + 4, before Go 1.21).
	var b strings.Builder
	for i := 0; i < 8; i++ {
		b.WriteByte('x')
	}
	println(b.Len(), b.Cap())
	b.WriteRune('é')
	println(b.Len(), b.Cap())
	b.WriteRune('a')
	b.WriteRune(-1)
	println(b.Len(), b.Cap(), b.String())
}
