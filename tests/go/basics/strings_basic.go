// run

// Strings: concatenation, comparison, indexing bytes, slicing, len of
// multi-byte text, += in loops, empty strings.
package main

func main() {
	s := "hello"
	t := s + ", " + "world"
	println(t, len(t))
	println(s[0], s[4], string(s[1]))
	println(s[1:3], s[:2], s[3:], s[:], s[5:])
	println("abc" < "abd", "abc" < "ab", "" < "a", "b" > "abc", "x" == "x", "x" != "y")
	println("Z" < "a", "é" > "z")
	u := "héllo, 世界"
	println(len(u), u[1], u[2], u[7:])
	acc := ""
	for i := 0; i < 5; i++ {
		acc += string(rune('a' + i))
	}
	println(acc)
	var empty string
	println(empty == "", len(empty), empty+"x")
	i, j := 1, 4
	println(t[i:j], t[j:], t[:i+j])
	b := t[7]
	b++
	println(b, t[7])
	println(s[len(s)-1:], s[len(s):] == "")
}
