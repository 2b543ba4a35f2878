// run

// Random inputs (a fixed xorshift sequence over ASCII, multi-byte,
// invalid UTF-8 and case-folding atoms) through strings, strconv,
// unicode/utf8 and sort, compared with gc.
package main

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

var seed uint64 = 88172645463325252

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

var atoms = []string{"a", "b", "A", "é", "É", "ß", "\xff", "\xc3", "\xe2\x82", " ", "\t", "\u00a0", "\u2028", "世", "😀", ",", "ab", "\ufffd", "k", "K", "\u212a", "ǅ", "0", "9", "-", "+", "_", "x", "\\", "\"", "'", "\n", "İ", "ı", "σ", "ς", "Σ"}

func gen() string {
	n := int(next() % 7)
	s := ""
	for i := 0; i < n; i++ {
		s += atoms[next()%uint64(len(atoms))]
	}
	return s
}

func q(s string) string { return strconv.Quote(s) }

func list(a []string) string { return q(strings.Join(a, "|")) + strconv.Itoa(len(a)) }

func main() {
	for i := 0; i < 250; i++ {
		s, t, u := gen(), gen(), gen()
		n := int(next()%6) - 1
		println(i, q(s), q(t), strings.Index(s, t), strings.LastIndex(s, t), strings.IndexAny(s, t), strings.LastIndexAny(s, t),
			strings.Count(s, t), strings.EqualFold(s, t), list(strings.SplitN(s, t, n)), list(strings.SplitAfterN(s, t, n)),
			q(strings.Replace(s, t, u, n)), q(strings.Trim(s, t)), q(strings.TrimLeft(s, t)), q(strings.TrimRight(s, t)),
			q(strings.ToUpper(s)), q(strings.ToLower(s)), q(strings.ToTitle(s)), q(strings.Title(s)), list(strings.Fields(s)),
			q(strings.TrimSpace(s)), q(strings.ToValidUTF8(s, t)), q(strings.NewReplacer(t, u, s, t).Replace(s+t+u)),
			utf8.RuneCountInString(s), utf8.ValidString(s), utf8.FullRuneInString(s), q(strconv.QuoteToASCII(s)))
		r, w := utf8.DecodeLastRuneInString(s)
		ur, uerr := strconv.Unquote(s)
		println(r, w, q(ur), uerr == nil, strconv.CanBackquote(s))
		v, err := strconv.ParseInt(s, int(next()%4)*8%34, int(next()%5)*16)
		if err != nil {
			println(v, err.Error())
		} else {
			println(v)
		}
		v2, err := strconv.Atoi(s)
		println(v2, err == nil)
		for _, c := range s {
			print(unicode.ToUpper(c), unicode.IsLetter(c), unicode.IsPunct(c), " ")
		}
		println()
		words := strings.Fields(s + " " + t + " " + u + " " + gen() + " " + gen())
		sort.Strings(words)
		println(list(words))
		sort.Slice(words, func(i, j int) bool { return len(words[i]) < len(words[j]) })
		println(list(words))
	}
}
