// Loops, integer division and closures: a chain of filter closures finding
// the first 6000 primes. Timed as a whole process.
package main

func main() {
	n := 1
	gen := func() int {
		n++
		return n
	}
	last := 0
	for count := 0; count < 6000; count++ {
		p := gen()
		last = p
		prev := gen
		gen = func() int {
			for {
				if v := prev(); v%p != 0 {
					return v
				}
			}
		}
	}
	println(last)
}
