package main
func main() {
	s := "héllo"
	var b byte = s[1]
	r := []rune(s)
	bs := []byte(s)
	s2 := string(bs) + string(r) + string(rune(65))
	_ = s2[1:3]
	_ = s < s2
	for i, c := range s { _, _ = i, c }
	var c rune = s[0]
	_ = b
	_ = len(s) + cap(bs)
}
