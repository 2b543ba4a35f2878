// run

// unicode range tables: scripts, categories, properties and their aliases
// through Is, In and IsOneOf.
package main

import "unicode"

func main() {
	n := 0
	for _, r := range "Hello, 世界! Привет Γειά σου ١٢٣ ﷺ 😀 ǅ" {
		println(r, unicode.Is(unicode.Han, r), unicode.Is(unicode.Latin, r), unicode.In(r, unicode.Cyrillic, unicode.Greek),
			unicode.Is(unicode.Lu, r), unicode.Is(unicode.Upper, r), unicode.IsOneOf([]*unicode.RangeTable{unicode.Digit, unicode.Nd}, r),
			unicode.Is(unicode.White_Space, r), unicode.Is(unicode.Common, r), unicode.Is(unicode.Inherited, r), unicode.Is(unicode.So, r))
		n++
	}
	total := 0
	for r := rune(0); r < 0x30000; r += 7 {
		if unicode.In(r, unicode.Han, unicode.Hangul, unicode.Arabic, unicode.Ps, unicode.Sc, unicode.Nl, unicode.Zs, unicode.Cf, unicode.Co, unicode.Cs) {
			total++
		}
	}
	println(total)
	println(unicode.Letter == unicode.L, unicode.Digit == unicode.Nd, unicode.Upper == unicode.Lu, n)
}

func init() {
	for _, r := range []rune{'A', 'a', 'K', 'k', 0x212a, 'S', 's', 0x17f, '1', -1, 0x110000, 0x130, 0x131, 'Σ', 'σ', 'ς', 0x1c4, 0x1c5, 0x1c6, 0x10400} {
		print(unicode.SimpleFold(r), " ")
	}
	println()
	sum := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		sum += int(unicode.SimpleFold(r)-r) & 0xffff
	}
	println(sum)
}
