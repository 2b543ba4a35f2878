// run

// Caesar ciphers and ROT13 over ASCII and non-ASCII text, with round trips,
// and a brute-force decryption that scores shifts by letter frequency.
package main

func shift(s string, k int) string {
	out := ""
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			r = 'a' + (r-'a'+rune(k)+26)%26
		case r >= 'A' && r <= 'Z':
			r = 'A' + (r-'A'+rune(k)+26)%26
		}
		out += string(r)
	}
	return out
}

func score(s string) int {
	total := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 'e', 't', 'a', 'o':
			total += 3
		case 'i', 'n', 's', 'h', 'r':
			total += 2
		case 'q', 'x', 'z', 'j':
			total -= 3
		}
	}
	return total
}

func main() {
	msg := "The Quick Brown Fox, über alles — Jumps!"
	enc := shift(msg, 3)
	println(enc)
	println(shift(enc, -3) == msg)
	rot := shift(msg, 13)
	println(rot, shift(rot, 13) == msg)
	secret := shift("meet me at the station near the river at seven", 11)
	best, bestScore := 0, -1000
	for k := 0; k < 26; k++ {
		if sc := score(shift(secret, -k)); sc > bestScore {
			best, bestScore = k, sc
		}
	}
	println(best, shift(secret, -best))
}
