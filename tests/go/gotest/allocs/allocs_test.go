// Allocation counts where gc's escape analysis keeps a strings.Builder in
// its frame (its pointer to itself goes through internal/abi.NoEscape):
// only the bytes it builds are allocated.
package allocs

import (
	"bufio"
	"strings"
	"testing"
)

var sink string

func TestBuilder(t *testing.T) {
	n := testing.AllocsPerRun(100, func() {
		var b strings.Builder
		b.Grow(64)
		b.WriteString("hello, ")
		b.WriteString("world")
		sink = b.String()
	})
	t.Log("allocations per run:", n)
}

func TestReadString(t *testing.T) {
	r := strings.NewReader("a line of text\n")
	br := bufio.NewReader(r)
	n := testing.AllocsPerRun(100, func() {
		r.Reset("a line of text\n")
		br.Reset(r)
		s, err := br.ReadString('\n')
		if err != nil || s != "a line of text\n" {
			t.Fatal(s, err)
		}
	})
	t.Log("allocations per run:", n)
}

var headers = map[string]string{"Content-Length": "n", "Host": "h"}

// string(b) compared or used as a map lookup's key shares b's bytes (gc's
// temporary conversion); stored as a key, it is a copy.
func TestStringOfBytes(t *testing.T) {
	b := []byte("Content-Length")
	c := []byte("Host")
	n := testing.AllocsPerRun(100, func() {
		if string(b) == string(c) || string(b) < "A" || headers[string(b)] != "n" {
			t.Fatal("wrong")
		}
		if v, ok := headers[string(c)]; !ok || v != "h" {
			t.Fatal("wrong")
		}
	})
	t.Log("comparisons and lookups:", n)
	m := map[string]int{}
	n = testing.AllocsPerRun(100, func() {
		m[string(b)]++
	})
	b[0] = 'X'
	t.Log("a stored key:", n, m["Content-Length"] > 0, len(m))
}
