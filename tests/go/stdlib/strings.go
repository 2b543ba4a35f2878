// run

// strings: searching, counting, splitting, joining, replacing, case
// mapping, trimming and folding, including empty strings and invalid
// UTF-8.
package main

import (
	"strconv"
	"strings"
	"unicode"
)

func list(a []string) {
	s := ""
	for i, x := range a {
		if i > 0 {
			s += " "
		}
		s += strconv.Quote(x)
	}
	println(len(a), "[", s, "]", a == nil)
}

func q(s string) string { return strconv.Quote(s) }

func main() {
	hay := []string{"", "a", "hello, world", "héllo wörld", "aaaa", "chicken", "\xff\xfeab\xff", "日本語日本語"}
	subs := []string{"", "a", "l", "o", "lo", "aa", "ken", "\xff", "\ufffd", "本", "日本", "xyz"}
	for _, h := range hay {
		for _, s := range subs {
			println(q(h), q(s), strings.Contains(h, s), strings.Index(h, s), strings.LastIndex(h, s),
				strings.Count(h, s), strings.HasPrefix(h, s), strings.HasSuffix(h, s),
				strings.IndexAny(h, s), strings.LastIndexAny(h, s), strings.ContainsAny(h, s),
				strings.Compare(h, s), strings.EqualFold(h, s))
		}
		for _, c := range []byte{'a', 'l', 0xff, 0} {
			println(strings.IndexByte(h, c), strings.LastIndexByte(h, c))
		}
		for _, r := range []rune{'a', 'ö', '本', 0xfffd, -1, 0xd800, 0x110000} {
			println(strings.IndexRune(h, r), strings.ContainsRune(h, r))
		}
		println(q(strings.ToUpper(h)), q(strings.ToLower(h)), q(strings.ToTitle(h)))
		list(strings.Split(h, ""))
		list(strings.Fields(h))
	}

	list(strings.Split("a,b,,c,", ","))
	list(strings.Split("", ","))
	list(strings.Split("abc", "abc"))
	list(strings.Split("a b c", ""))
	list(strings.SplitAfter("a,b,,c,", ","))
	for n := -1; n <= 5; n++ {
		list(strings.SplitN("a,b,c,d", ",", n))
		list(strings.SplitAfterN("a,b,c,d", ",", n))
		list(strings.SplitN("xyz", "", n))
	}
	list(strings.Fields(" \t\n a  b\u00a0c\u2003d \x85e\v"))
	list(strings.Fields(""))
	list(strings.Fields("   "))
	list(strings.FieldsFunc("a1b22c333", unicode.IsDigit))
	list(strings.FieldsFunc(";;x;y;;", func(r rune) bool { return r == ';' }))
	calls := 0
	list(strings.FieldsFunc("ab cd", func(r rune) bool { calls++; return r == ' ' }))
	println("calls", calls)

	println(strings.Join(nil, ","), strings.Join([]string{"x"}, ","), strings.Join([]string{"a", "", "c"}, ", "))
	println(strings.Repeat("", 5), strings.Repeat("ab", 0), strings.Repeat("ab", 1), strings.Repeat("é-", 4))

	for n := -1; n <= 4; n++ {
		println(strings.Replace("oink oink oink", "k", "ky", n), strings.Replace("oink oink oink", "oink", "moo", n),
			q(strings.Replace("héllo", "", "-", n)), strings.Replace("aaa", "a", "a", n))
	}
	println(strings.ReplaceAll("banana", "a", ""), strings.ReplaceAll("", "", "x"), strings.ReplaceAll("\xffa", "", "|"))

	println(q(strings.ToUpper("straße ǆ ﬁ ı")), q(strings.ToLower("İSTANBUL ǅ Σ")), q(strings.ToTitle("ǆemal ა")))
	println(q(strings.Map(func(r rune) rune {
		if r == 'a' {
			return -1
		}
		if r == 'b' {
			return 0xd800
		}
		return r + 1
	}, "abcab\xffz")))
	println(q(strings.Map(func(r rune) rune { return r }, "ok\xff")), q(strings.Map(func(r rune) rune { return r }, "same")))

	for _, s := range []string{"", "  ", " \t x y \n", "\u00a0\u3000é\u2028", "xx", "\xffx\xff"} {
		println(q(strings.TrimSpace(s)), q(strings.Trim(s, " x")), q(strings.TrimLeft(s, " \t")), q(strings.TrimRight(s, "\n ")),
			q(strings.Trim(s, "\xff")), q(strings.Trim(s, "\ufffd")), q(strings.Trim(s, "")),
			q(strings.TrimFunc(s, unicode.IsSpace)), q(strings.TrimLeftFunc(s, unicode.IsSpace)), q(strings.TrimRightFunc(s, unicode.IsSpace)))
	}
	println(strings.Trim("¡¡¡Hello, Gophers!!!", "!¡"), strings.TrimLeft("aabbcc", "ba"), strings.TrimRight("aabbcc", "cb"))
	println(strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimPrefix("body", "x"), strings.TrimSuffix("a.go", ".go"), strings.TrimSuffix("a.go", ".rs"))
	println(strings.IndexFunc("Hello, 世界", unicode.IsUpper), strings.IndexFunc("hello", unicode.IsUpper), strings.LastIndexFunc("go123", unicode.IsLetter))

	pairs := [][2]string{{"Go", "GO"}, {"σς", "ΣΣ"}, {"k", "\u212a"}, {"ſ", "S"}, {"i", "İ"}, {"ı", "I"}, {"ǅ", "ǆ"},
		{"abc", "abcd"}, {"", ""}, {"\xff", "\ufffd"}, {"ß", "SS"}, {"Straße", "STRASSE"}, {"µ", "Μ"}}
	for _, p := range pairs {
		println(p[0], p[1], strings.EqualFold(p[0], p[1]), strings.Compare(p[0], p[1]))
	}
	before, after, found := strings.Cut("key=value=x", "=")
	println(before, after, found)
	before, after, found = strings.Cut("novalue", "=")
	println(before, after, found)
}
