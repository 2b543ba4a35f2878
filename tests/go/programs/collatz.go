// run

// Collatz sequences: the longest chain below a bound, and the peak value
// reached, using uint64 arithmetic.
package main

func steps(n uint64) (int, uint64) {
	count := 0
	peak := n
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		if n > peak {
			peak = n
		}
		count++
	}
	return count, peak
}

func main() {
	best, arg := 0, uint64(0)
	for i := uint64(1); i < 100000; i++ {
		s, _ := steps(i)
		if s > best {
			best, arg = s, i
		}
	}
	println("longest below 100000:", arg, best)
	s, p := steps(27)
	println("27:", s, p)
	s, p = steps(837799)
	println("837799:", s, p)
}
