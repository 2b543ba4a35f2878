// run

// for range over a string yields byte offsets and runes, decoding UTF-8;
// invalid bytes decode as U+FFFD one byte at a time.
package main

func main() {
	for i, r := range "aé世😀" {
		println(i, r, string(r))
	}
	n := 0
	for range "hello" {
		n++
	}
	println(n)
	for i := range "ab" {
		println(i)
	}
	bad := "a\xffb\xe4\xb8c"
	for i, r := range bad {
		println(i, r)
	}
	var last rune
	for _, last = range "xyz" {
	}
	println(string(last))
	count := 0
	for _, r := range "Hello, World" {
		if r >= 'A' && r <= 'Z' {
			count++
		}
	}
	println(count)
}
