// run

// == and != between strings and constants of every length up to 16 bytes
// and beyond (compared in line by words), switch cases on strings,
// non-UTF-8 constants, substrings of longer strings.
package main

import "fmt"

func classify(s string) string {
	switch s {
	case "":
		return "empty"
	case "a":
		return "a"
	case "ab", "abc":
		return "ab(c)"
	case "abcd", "abcde", "abcdefg":
		return "abcd.."
	case "12345678":
		return "eight"
	case "123456789":
		return "nine"
	case "0123456789abcdef":
		return "sixteen"
	case "0123456789abcdefg":
		return "seventeen"
	case "\xff\xfe\x00\x80":
		return "bytes"
	case "héllo":
		return "utf8"
	}
	return "other"
}

func main() {
	inputs := []string{"", "a", "b", "ab", "abc", "abd", "abcd", "abcde", "abcdef", "abcdefg", "abcdefh",
		"12345678", "12345679", "123456789", "023456789", "0123456789abcdef", "0123456789abcdeF",
		"0123456789abcdefg", "0123456789abcdefh", "\xff\xfe\x00\x80", "\xff\xfe\x00\x81", "héllo", "hello"}
	for _, s := range inputs {
		big := s + "0123456789"
		fmt.Printf("%q %s %v %v %v %v\n", s, classify(s), s != "", "" == s, big[:len(s)] == "abc", s[min(len(s), 1):] != "bc")
	}
}
