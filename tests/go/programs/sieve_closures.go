// run

// Prime sieve built from a chain of filter closures: each prime found
// wraps the generator in a new filter.
package main

func main() {
	n := 1
	gen := func() int {
		n++
		return n
	}
	count := 0
	for count < 40 {
		p := gen()
		print(p, " ")
		count++
		prev := gen
		gen = func() int {
			for {
				v := prev()
				if v%p != 0 {
					return v
				}
			}
		}
	}
	println()
}
