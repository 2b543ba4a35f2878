// run

// strings and bytes: CutPrefix, CutSuffix, CutLast, ContainsFunc,
// bytes.Clone (nil stays nil, empty stays non-nil), and fmt's Append,
// Appendf and Appendln.

package main

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
)

func main() {
	for _, c := range [][2]string{{"foobar", "foo"}, {"foobar", "bar"}, {"foobar", ""}, {"", "x"}, {"a,b,c", ","}, {"abc", "abc"}} {
		s, sep := c[0], c[1]
		a, f1 := strings.CutPrefix(s, sep)
		b, f2 := strings.CutSuffix(s, sep)
		x, y, f3 := strings.CutLast(s, sep)
		fmt.Printf("%q %q: prefix %q %v, suffix %q %v, last %q %q %v\n", s, sep, a, f1, b, f2, x, y, f3)
		ba, g1 := bytes.CutPrefix([]byte(s), []byte(sep))
		bb, g2 := bytes.CutSuffix([]byte(s), []byte(sep))
		bx, by, g3 := bytes.CutLast([]byte(s), []byte(sep))
		fmt.Printf("  bytes: %q %v, %q %v, %q %q %v (after nil: %v)\n", ba, g1, bb, g2, bx, by, g3, by == nil)
	}
	fmt.Println(strings.ContainsFunc("hello", unicode.IsUpper), strings.ContainsFunc("heLlo", unicode.IsUpper))
	fmt.Println(bytes.ContainsFunc([]byte("héllo"), func(r rune) bool { return r == 'é' }), bytes.ContainsFunc(nil, unicode.IsUpper))
	orig := []byte("abc")
	c := bytes.Clone(orig)
	orig[0] = 'X'
	fmt.Printf("%s %s %v %v\n", orig, c, bytes.Clone(nil) == nil, bytes.Clone([]byte{}) == nil)
	b := []byte("x=")
	b = fmt.Appendf(b, "%d|%5.2f|%q", 42, 3.14159, "hi")
	b = fmt.Append(b, " ", 1, 2, "a", "b", 3.5)
	b = fmt.Appendln(b, " end", 7)
	fmt.Printf("%q\n", b)
	fmt.Printf("%q %q\n", fmt.Appendf(nil, ""), fmt.Append(nil))
}
