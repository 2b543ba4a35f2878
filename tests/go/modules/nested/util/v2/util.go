// Package util lives in directory v2.
package util

const Version = "v2"

// Pair is a pair.
type Pair struct{ A, B int }

// Reverse reverses a string of bytes.
func Reverse(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}
