// String and integer work: FNV-1a hashing of strings built by
// concatenation and slicing. Timed as a whole process.
package main

func fnv(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func main() {
	var acc uint32
	s := "the quick brown fox jumps over the lazy dog"
	for i := 0; i < 300000; i++ {
		t := s[i%len(s):] + s[:i%len(s)]
		acc ^= fnv(t) + uint32(i)
	}
	println(acc)
}
