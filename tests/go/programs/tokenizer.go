// run

// A tokenizer for a small C-like language: identifiers, keywords, numbers
// (decimal and hex), strings with escapes, operators of one and two
// characters, and comments, reported with line:column positions.
package main

const src = `func add(a, b) {
  // sum two values
  return a + b >= 0x1F && name != "x\"y"; /* block
  comment */ x <<= 3
}`

func isIdent(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func keyword(s string) bool {
	switch s {
	case "func", "return", "if", "else", "for":
		return true
	}
	return false
}

func main() {
	line, col := 1, 1
	i := 0
	advance := func(n int) {
		for k := 0; k < n; k++ {
			if src[i] == '\n' {
				line++
				col = 1
			} else {
				col++
			}
			i++
		}
	}
	emit := func(kind, text string, l, c int) {
		println(l, c, kind, text)
	}
	for i < len(src) {
		c := src[i]
		l0, c0 := line, col
		switch {
		case c == ' ' || c == '\n' || c == '\t':
			advance(1)
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				advance(1)
			}
			emit("comment", "//", l0, c0)
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			advance(2)
			for !(src[i] == '*' && src[i+1] == '/') {
				advance(1)
			}
			advance(2)
			emit("comment", "/**/", l0, c0)
		case c >= '0' && c <= '9':
			j := i
			for j < len(src) && isIdent(src[j]) {
				j++
			}
			emit("number", src[i:j], l0, c0)
			advance(j - i)
		case isIdent(c):
			j := i
			for j < len(src) && isIdent(src[j]) {
				j++
			}
			kind := "ident"
			if keyword(src[i:j]) {
				kind = "keyword"
			}
			emit(kind, src[i:j], l0, c0)
			advance(j - i)
		case c == '"':
			j := i + 1
			for src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			emit("string", src[i:j+1], l0, c0)
			advance(j + 1 - i)
		default:
			n := 1
			if i+2 < len(src) && src[i:i+3] == "<<=" {
				n = 3
			} else if i+1 < len(src) {
				switch src[i : i+2] {
				case ">=", "<=", "==", "!=", "&&", "||", "<<", ">>":
					n = 2
				}
			}
			emit("op", src[i:i+n], l0, c0)
			advance(n)
		}
	}
}
