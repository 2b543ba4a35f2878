// run

// N-queens counted with bitmasks and recursion, for boards 1 to 10.
package main

func solve(n int, cols, d1, d2 uint32) int {
	full := uint32(1)<<uint(n) - 1
	if cols == full {
		return 1
	}
	count := 0
	avail := full &^ (cols | d1 | d2)
	for avail != 0 {
		bit := avail & -avail
		avail ^= bit
		count += solve(n, cols|bit, (d1|bit)<<1&full, (d2|bit)>>1)
	}
	return count
}

func main() {
	for n := 1; n <= 10; n++ {
		println(n, solve(n, 0, 0, 0))
	}
}
