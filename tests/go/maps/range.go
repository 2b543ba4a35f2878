// run

// Range over maps: every entry once, keys and values agree, order is not
// fixed, entries deleted during the loop are not produced.
package main

func sortInts(a *[50]int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func main() {
	m := map[int]int{}
	for i := 0; i < 50; i++ {
		m[i] = i * i
	}
	bad := 0
	n0 := 0
	var buf [50]int
	for k, v := range m {
		buf[n0] = k
		n0++
		if v != k*k {
			bad++
		}
	}
	sortInts(&buf)
	ok := n0 == 50
	for i, k := range buf {
		if k != i {
			ok = false
		}
	}
	println(ok, bad)

	count := 0
	for range m {
		count++
	}
	sum := 0
	for k := range m {
		sum += k
	}
	println(count, sum)

	// Order differs between loops (gc randomizes it).
	first := func() int {
		for k := range m {
			return k
		}
		return -1
	}
	differs := false
	f0 := first()
	for i := 0; i < 200 && !differs; i++ {
		if first() != f0 {
			differs = true
		}
	}
	println(differs)

	// Deleting entries not yet reached hides them.
	d := map[int]bool{}
	for i := 0; i < 100; i++ {
		d[i] = true
	}
	seen := map[int]bool{}
	produced := 0
	for k := range d {
		if seen[k] {
			println("twice", k)
		}
		seen[k] = true
		produced++
		delete(d, k^1)
	}
	wrong := 0
	for k := range seen {
		if seen[k^1] {
			wrong++
		}
	}
	println(produced, wrong, len(d))

	// Deleting the current entry and adding new ones is allowed.
	e := map[int]int{1: 1, 2: 2, 3: 3}
	n := 0
	for k := range e {
		delete(e, k)
		n++
	}
	println(n, len(e))
	g := map[int]int{0: 0}
	iters := 0
	for k := range g {
		if iters < 1000 {
			g[k+1000] = 1
		}
		iters++
	}
	println(iters <= 1001, len(g) >= 2)

	// Assigning to existing variables, with a value struct.
	type pt struct{ x, y int }
	pm := map[string]pt{"a": {1, 2}, "b": {3, 4}}
	var k string
	var v pt
	tot := 0
	for k, v = range pm {
		tot += v.x*10 + v.y + len(k)
	}
	println(tot, pm["a"].y, pm["zz"].x)

	// break and continue.
	br := 0
	for k := range m {
		if k%2 == 0 {
			continue
		}
		br++
		if br == 10 {
			break
		}
	}
	println(br)
}
