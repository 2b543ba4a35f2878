// run

// Building strings a piece at a time: reversing, repeating, padding,
// integer to decimal and hex text by hand, string(rune) of computed runes.
package main

func reverse(s string) string {
	out := ""
	for _, r := range s {
		out = string(r) + out
	}
	return out
}

func repeat(s string, n int) string {
	out := ""
	for i := 0; i < n; i++ {
		out += s
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	if neg {
		s = "-" + s
	}
	return s
}

func hex(n uint64) string {
	const digits = "0123456789abcdef"
	if n == 0 {
		return "0x0"
	}
	s := ""
	for n > 0 {
		s = digits[n%16:n%16+1] + s
		n >>= 4
	}
	return "0x" + s
}

func pad(s string, w int) string {
	for len(s) < w {
		s = " " + s
	}
	return s
}

func main() {
	println(reverse("hello, 世界"))
	println(repeat("ab", 4), repeat("x", 0) == "")
	println(itoa(0), itoa(12345), itoa(-9876))
	println(hex(255), hex(0xdeadbeef), hex(18446744073709551615))
	println("[" + pad("7", 4) + "]" + "[" + pad("12345", 3) + "]")
	alpha := ""
	for r := 'a'; r <= 'z'; r += 5 {
		alpha += string(r)
	}
	println(alpha)
}
