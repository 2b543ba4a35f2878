// Fuzz targets without -fuzz: each runs its seed corpus, the values of
// f.Add (FuzzX/seed#N) then the files of testdata/fuzz/FuzzX (FuzzX/FILE),
// every fuzzable type; a corpus file of the wrong types fails the target.
package fuzz

import (
	"testing"
	"unicode/utf8"
)

func reverse(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

func FuzzReverse(f *testing.F) {
	f.Add("hello", 3)
	f.Add("", 0)
	f.Add("héllo", 1)
	f.Fuzz(func(t *testing.T, s string, n int) {
		r := reverse(s)
		if reverse(r) != s {
			t.Errorf("double reverse of %q is %q", s, reverse(r))
		}
		if utf8.ValidString(s) && !utf8.ValidString(r) {
			t.Logf("reverse of %q (n=%d) is not valid UTF-8", s, n)
		}
	})
}

func FuzzBytes(f *testing.F) {
	f.Add([]byte{1, 2}, byte('x'), rune('é'), uint16(7), 1.5, true)
	f.Fuzz(func(t *testing.T, b []byte, c byte, r rune, u uint16, x float64, ok bool) {
		t.Log(b, c, r, u, x, ok)
	})
}

func FuzzBad(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {})
}

func FuzzSkip(f *testing.F) {
	f.Skip("not today")
}

func TestPlain(t *testing.T) {}
