// run

// unicode.SpecialCase (TurkishCase, AzeriCase, a SpecialCase of one's own
// with delta and UpperLower ranges) and the *Special case mappings of
// strings and bytes, which upstream strings and bytes are built on.
package main

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
)

func main() {
	fmt.Println(strings.ToUpperSpecial(unicode.TurkishCase, "örnek iş"))
	fmt.Println(strings.ToLowerSpecial(unicode.TurkishCase, "Örnek İş"))
	fmt.Println(strings.ToTitleSpecial(unicode.TurkishCase, "dünyanın ilk borsa yapısı Aizonai kabul edilir"))
	fmt.Printf("%s\n", bytes.ToUpperSpecial(unicode.AzeriCase, []byte("Ahoj vývojári golang")))
	fmt.Printf("%s\n", bytes.ToLowerSpecial(unicode.AzeriCase, []byte("AHOJ VÝVOJÁRİ GOLANG")))
	fmt.Printf("%s\n", bytes.ToTitleSpecial(unicode.AzeriCase, []byte("ahoj vývojári golang")))
	for _, r := range []rune{'i', 'I', 'İ', 'ı', 'a', 'ß', -1, unicode.MaxRune + 1} {
		t := unicode.TurkishCase
		fmt.Println(r, t.ToUpper(r), t.ToLower(r), t.ToTitle(r))
	}
	// Delta ranges and an alternating (UpperLower) range.
	own := unicode.SpecialCase{
		{Lo: 'a', Hi: 'c', Delta: [unicode.MaxCase]rune{'x' - 'a', 0, 'X' - 'a'}},
		{Lo: 0x100, Hi: 0x105, Delta: [unicode.MaxCase]rune{unicode.UpperLower, unicode.UpperLower, unicode.UpperLower}},
	}
	for _, r := range []rune{'a', 'b', 'c', 'd', 'A', 0x100, 0x101, 0x104, 0x105, 0x106} {
		fmt.Printf("%#x %#x %#x %#x\n", r, own.ToUpper(r), own.ToLower(r), own.ToTitle(r))
	}
	fmt.Println(strings.ToUpperSpecial(own, "abcd \u0101\u0103"), len(unicode.TurkishCase), unicode.UpperLower)
	var c unicode.CaseRange = unicode.TurkishCase[1]
	fmt.Println(c.Lo, c.Hi, c.Delta)
}
