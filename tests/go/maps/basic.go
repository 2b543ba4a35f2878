// run

// Map basics: make, store, read (absent keys read zero), comma-ok, op=,
// ++, delete, len, nil maps.
package main

func main() {
	m := make(map[string]int)
	m["a"] = 1
	m["b"] += 2
	m["c"]++
	m["c"]++
	m["d"] -= 5
	println(len(m), m["a"], m["b"], m["c"], m["d"], m["zz"])
	v, ok := m["a"]
	println(v, ok)
	v, ok = m["q"]
	println(v, ok)
	_, ok = m["b"]
	println(ok)
	delete(m, "a")
	delete(m, "not there")
	_, ok = m["a"]
	println(len(m), ok)
	m["a"] = 10
	println(len(m), m["a"])

	var nm map[int]int
	println(nm == nil, len(nm), nm[3])
	x, found := nm[3]
	println(x, found)
	delete(nm, 3)
	for range nm {
		println("never")
	}
	nm = make(map[int]int, 100)
	println(nm == nil, len(nm))
	hint := -5
	nm = make(map[int]int, hint)
	nm[1] = 1
	println(len(nm))

	// Many keys: growth keeps every entry.
	big := map[int]int{}
	for i := 0; i < 5000; i++ {
		big[i*7] = i
	}
	for i := 0; i < 5000; i += 2 {
		delete(big, i*7)
	}
	bad := 0
	for i := 0; i < 5000; i++ {
		got, ok := big[i*7]
		if ok != (i%2 == 1) || (ok && got != i) {
			bad++
		}
	}
	println(len(big), bad)
}
