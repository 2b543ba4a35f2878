// run

// unicode/utf8: decoding valid and invalid input (truncated, overlong,
// surrogates, out of range), encoding, counting, validation.
package main

import "unicode/utf8"

var samples = []string{
	"", "a", "é", "€", "𝄞", "héllo, 世界",
	"\x80", "\xc0\x80", "\xc3", "\xe2\x82", "\xe2\x82\xac", "\xe0\x80\x80",
	"\xed\xa0\x80", "\xf0\x90\x80", "\xf4\x90\x80\x80", "\xf5", "\xff\xfe",
	"ab\xe2", "x\xf0\x9f\x98\x80y", "\xef\xbf\xbd", "a\x80b\xc3\xa9",
}

func main() {
	println(utf8.RuneError, utf8.RuneSelf, utf8.MaxRune, utf8.UTFMax)
	for _, s := range samples {
		r, w := utf8.DecodeRuneInString(s)
		lr, lw := utf8.DecodeLastRuneInString(s)
		br, bw := utf8.DecodeRune([]byte(s))
		blr, blw := utf8.DecodeLastRune([]byte(s))
		if len(s) > 0 {
			println(utf8.RuneStart(s[0]), utf8.RuneStart(s[len(s)-1]))
		}
		println(len(s), r, w, lr, lw, br, bw, blr, blw,
			utf8.RuneCountInString(s), utf8.RuneCount([]byte(s)),
			utf8.ValidString(s), utf8.Valid([]byte(s)),
			utf8.FullRuneInString(s), utf8.FullRune([]byte(s)))
		for i, c := range s {
			_, w := utf8.DecodeRuneInString(s[i:])
			print(i, ":", c, "/", w, " ")
		}
		println()
	}
	runes := []rune{0, 'a', 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xd800, 0xdfff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x10ffff, 0x110000, -1, -100}
	buf := []byte("........")
	for _, r := range runes {
		n := utf8.EncodeRune(buf, r)
		println(r, utf8.RuneLen(r), utf8.ValidRune(r), n, string(buf[:n]), buf[0], buf[n-1])
	}
}
