// Maps: counting 2M words drawn from a 20k-word vocabulary in a
// map[string]int (the word-frequency pattern), then 2M op-assignments on a
// map[int]int, and a range over each. Timed as a whole process.
package main

func main() {
	vocab := map[int]string{}
	for i := 0; i < 20000; i++ {
		w := ""
		for n := i; ; n /= 26 {
			w += string(rune('a' + n%26))
			if n < 26 {
				break
			}
		}
		vocab[i] = w + "x"
	}
	seed := uint32(12345)
	counts := map[string]int{}
	for r := 0; r < 2000000; r++ {
		seed = seed*1664525 + 1013904223
		counts[vocab[int((seed>>8)%20000)]]++
	}
	ints := map[int]int{}
	for i := 0; i < 2000000; i++ {
		ints[i%50000] += i
	}
	total := 0
	for _, c := range counts {
		total += c
	}
	for k, v := range ints {
		total += k ^ v
	}
	println(len(counts), len(ints), total)
}
