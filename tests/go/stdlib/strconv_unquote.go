// run

// strconv.Unquote, UnquoteChar, QuotedPrefix, CanBackquote, IsPrint and
// utf8.AppendRune, including malformed literals.
package main

import (
	"strconv"
	"unicode/utf8"
)

func main() {
	lits := []string{`""`, `"abc"`, `"a\tb\n"`, `"\x41\101\u00e9\U0001F600"`, `"\xff\377"`, `"\'"`, `'\''`, `'"'`, `"\""`,
		`'a'`, `'ab'`, `''`, `'''`, `'é'`, `'\xff'`, `'\u00e9'`, "`raw\\n`", "`a\rb`", "``", `"unterminated`, `"a"b`,
		`"bad \q"`, `"\400"`, `"\u12"`, `"\uD800"`, `"\U00110000"`, "\"new\nline\"", `x`, ``, `"`, `'\x`, `"\\"`,
		"\"\xff\"", "'\xff'", `"日本"`, `'日'`, "`x` rest", `"a" `, "'\\U0010ffff'", `"\a\b\f\v\r"`, `"\8"`}
	for _, l := range lits {
		s, err := strconv.Unquote(l)
		p, perr := strconv.QuotedPrefix(l)
		e1, e2 := "nil", "nil"
		if err != nil {
			e1 = err.Error()
		}
		if perr != nil {
			e2 = perr.Error()
		}
		println(strconv.Quote(l), strconv.Quote(s), e1, strconv.Quote(p), e2, strconv.CanBackquote(l))
	}
	for _, in := range []string{`\n rest`, `\x7fz`, `é!`, `\'`, `'`, `"`, `\"`, ``, `\`, `\777`, "\xffq"} {
		for _, q := range []byte{'"', '\'', '`'} {
			v, mb, tail, err := strconv.UnquoteChar(in, q)
			println(v, mb, strconv.Quote(tail), err == nil)
		}
	}
	for _, r := range []rune{' ', 'a', 0xa0, 0x3000, 0x7f, 0xad, 'é', 0xfeff, -1} {
		println(strconv.IsPrint(r), strconv.IsGraphic(r))
	}
	var b []byte
	for _, r := range []rune{'a', 'é', 0x1f600, -1, 0xd800} {
		b = utf8.AppendRune(b, r)
	}
	println(string(b), len(b), cap(b))
}
