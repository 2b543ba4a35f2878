// run

// Text processing over a paragraph: word, line and vowel counts, the
// longest word, title-casing, and a run-length encoding.
package main

const text = `Go is an open source programming language
that makes it simple to build secure, scalable systems.
It was designed at Google in 2007 by Robert Griesemer,
Rob Pike, and Ken Thompson.`

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func upper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

func rle(s string) string {
	out := ""
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] == s[i] {
			j++
		}
		n := j - i
		if n > 1 {
			out += string(rune('0' + n))
		}
		out += s[i : i+1]
		i = j
	}
	return out
}

func main() {
	words, lines, vowels := 0, 1, 0
	longest := ""
	inWord := false
	start := 0
	title := ""
	for i := 0; i <= len(text); i++ {
		var c byte = ' '
		if i < len(text) {
			c = text[i]
		}
		if c == '\n' {
			lines++
		}
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U':
			vowels++
		}
		if isLetter(c) {
			if !inWord {
				inWord = true
				start = i
				c = upper(c)
			}
		} else if inWord {
			inWord = false
			words++
			if w := text[start:i]; len(w) > len(longest) {
				longest = w
			}
		}
		if i < len(text) {
			title += string(rune(c))
		}
	}
	println(words, lines, vowels, longest)
	println(title)
	println(rle("aaabccddddde"), rle(""), rle("abc"), rle("zzzzzzzzz"))
}
