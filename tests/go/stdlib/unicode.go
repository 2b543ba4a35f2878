// run

// unicode: every predicate and case mapping over ASCII, Latin-1 and a
// selection of code points where Go's categories are easy to get wrong.
package main

import "unicode"

func b(x bool) string {
	if x {
		return "1"
	}
	return "0"
}

func show(r rune) {
	println(r, b(unicode.IsUpper(r))+b(unicode.IsLower(r))+b(unicode.IsTitle(r))+b(unicode.IsLetter(r))+
		b(unicode.IsDigit(r))+b(unicode.IsNumber(r))+b(unicode.IsSpace(r))+b(unicode.IsPunct(r))+
		b(unicode.IsPrint(r))+b(unicode.IsGraphic(r))+b(unicode.IsControl(r))+b(unicode.IsMark(r))+
		b(unicode.IsSymbol(r)), unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r))
}

func main() {
	println(unicode.MaxRune, unicode.ReplacementChar, unicode.MaxASCII, unicode.MaxLatin1)
	for r := rune(0); r < 0x100; r++ {
		show(r)
	}
	extra := []rune{
		0x130, 0x131, 0x17f, 0x1c4, 0x1c5, 0x1c6, 0x1f1, 0x1f2, 0x1f3, 0x345, 0x3c2, 0x3a3,
		0x10d0, 0x1c90, 0x1e9e, 0x1f80, 0x1f88, 0x1fb3, 0x1fbc, 0x2028, 0x2029, 0x200b,
		0x2160, 0x2170, 0x24b6, 0x24d0, 0x212a, 0x2126, 0x3000, 0x3007, 0x4e16, 0x0660,
		0x0301, 0xff21, 0xff41, 0x1d400, 0x10400, 0x10428, 0x1f600, 0xfeff, 0xfffd,
		0xd800, 0xe000, 0x10ffff, 0x110000, -1, 0x2c65, 0x23a, 0xa7ae, 0x26a, 0x1e921,
		0x0b2, 0x0bc, 0x2070, 0x20ac, 0x0e3f, 0x00ad, 0x061c, 0x1680, 0x180e,
	}
	for _, r := range extra {
		show(r)
	}
	for c := -1; c <= 3; c++ {
		println(c, unicode.To(c, 'a'), unicode.To(c, 'Z'), unicode.To(c, 0x1c6))
	}
	// Case mapping must be an exact round trip where Go says so.
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.ToUpper(r) != r {
			n += int(unicode.ToUpper(r)-r) % 7
		}
		if unicode.IsLetter(r) {
			n++
		}
		if unicode.IsPunct(r) {
			n += 3
		}
		if unicode.IsPrint(r) {
			n += 5
		}
	}
	println(n)
}
