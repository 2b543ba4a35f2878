// run

// String and rune literals: escapes of every kind, raw strings, and
// their byte lengths.
package main

func main() {
	s := "\a\b\f\n\r\t\v\\\"'"
	println(len(s))
	for i := 0; i < len(s); i++ {
		print(s[i], " ")
	}
	println()
	println("\x41\101\u0042\U00000043", len("\u00e9"), len("\U0001F600"))
	println('\'', '\x7f', '\377', '\u263a', 'é')
	raw := `a\nb
c`
	println(raw, len(raw))
	println("日本語", len("日本語"))
	println("\xe6\x97\xa5" == "日")
}
