// run

// String hashes that rely on uint32/uint64 wrap-around: FNV-1a, djb2,
// sdbm, Jenkins one-at-a-time, a bitwise CRC-32, and Adler-32.
package main

func fnv1a32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func fnv1a64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func djb2(s string) uint32 {
	var h uint32 = 5381
	for i := 0; i < len(s); i++ {
		h = h<<5 + h + uint32(s[i])
	}
	return h
}

func sdbm(s string) uint64 {
	var h uint64
	for i := 0; i < len(s); i++ {
		h = uint64(s[i]) + h<<6 + h<<16 - h
	}
	return h
}

func oneAtATime(s string) uint32 {
	var h uint32
	for i := 0; i < len(s); i++ {
		h += uint32(s[i])
		h += h << 10
		h ^= h >> 6
	}
	h += h << 3
	h ^= h >> 11
	h += h << 15
	return h
}

func crc32(s string) uint32 {
	crc := ^uint32(0)
	for i := 0; i < len(s); i++ {
		crc ^= uint32(s[i])
		for k := 0; k < 8; k++ {
			if crc&1 == 1 {
				crc = crc>>1 ^ 0xEDB88320
			} else {
				crc >>= 1
			}
		}
	}
	return ^crc
}

func adler32(s string) uint32 {
	a, b := uint32(1), uint32(0)
	for i := 0; i < len(s); i++ {
		a = (a + uint32(s[i])) % 65521
		b = (b + a) % 65521
	}
	return b<<16 | a
}

func main() {
	words := "|a|hello|The quick brown fox jumps over the lazy dog|日本"
	start := 0
	for i := 0; i <= len(words); i++ {
		if i == len(words) || words[i] == '|' {
			w := words[start:i]
			start = i + 1
			println("["+w+"]", fnv1a32(w), fnv1a64(w), djb2(w), sdbm(w), oneAtATime(w), crc32(w), adler32(w))
		}
	}
}
