// wordfreq: word frequencies of a generated text — strings.Fields, a
// map[string]int, strings.ToLower, a []struct sorted with sort.Slice and
// fmt output: the map-, slice- and string-heavy program of issue 5.
package main

import (
	"fmt"
	"sort"
	"strings"
)

var syllables = []string{"ka", "lo", "mi", "ne", "ru", "ta", "vo", "shi", "de", "pa", "Zu", "Ko"}

// text builds n words from a fixed pseudo-random sequence.
func text(n int) string {
	var b strings.Builder
	x := uint32(12345)
	for i := 0; i < n; i++ {
		x = x*1664525 + 1013904223
		k := 1 + int(x>>29)%3
		for j := 0; j < k; j++ {
			x = x*1664525 + 1013904223
			b.WriteString(syllables[int(x>>24)%len(syllables)])
		}
		if x&7 == 0 {
			b.WriteString(".\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

type entry struct {
	word  string
	count int
}

func main() {
	t := text(1500000)
	counts := map[string]int{}
	for _, w := range strings.Fields(t) {
		w = strings.ToLower(strings.TrimSuffix(w, "."))
		counts[w]++
	}
	entries := make([]entry, 0, len(counts))
	for w, c := range counts {
		entries = append(entries, entry{w, c})
	}
	sort.Slice(entries, func(i, j int) bool {
		if entries[i].count != entries[j].count {
			return entries[i].count > entries[j].count
		}
		return entries[i].word < entries[j].word
	})
	fmt.Println(len(t), len(counts))
	for _, e := range entries[:10] {
		fmt.Printf("%-10s %d\n", e.word, e.count)
	}
}
