// run

// Runtime errors from maps are recoverable panics with gc's text; a store
// whose value panics leaves the map unchanged.
package main

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			println(name, "recovered:", e.Error())
		} else if r != nil {
			println(name, "recovered value")
		} else {
			println(name, "no panic")
		}
	}()
	f()
}

func boom() int { panic("boom") }

func main() {
	try("nil write", func() {
		var m map[string]int
		m["a"] = 1
	})
	try("nil op=", func() {
		var m map[string]int
		m["a"] += 1
	})
	try("nil read", func() {
		var m map[string]int
		println(m["a"])
	})
	try("unhashable store", func() {
		m := map[interface{}]int{}
		m[[]int{1}] = 1
	})
	try("unhashable read", func() {
		m := map[interface{}]int{}
		println(m[map[int]int{}])
	})
	try("unhashable delete nil map", func() {
		var m map[interface{}]int
		delete(m, func() {})
	})
	try("unhashable in struct", func() {
		type K struct{ v interface{} }
		m := map[K]int{}
		m[K{[]string{"x"}}] = 1
	})
	m := map[string]int{"a": 1}
	try("value panics", func() {
		m["b"] = boom()
	})
	_, ok := m["b"]
	println(len(m), ok)
	try("comparable interface key", func() {
		m := map[interface{}]int{}
		m[[2]interface{}{1, "a"}] = 3
		println(m[[2]interface{}{1, "a"}])
	})
}

func f() int { panic("f") }

// Which failed op-assignments leave the key inserted (gc's order).
func init() {
	m := map[string]int{}
	z, s := 0, -1
	a := []int{1}
	i := 5
	try("div zero", func() { m["a"] /= z })
	try("call panics", func() { m["b"] += f() })
	try("index panics", func() { m["c"] += a[i] })
	try("negative shift", func() { m["d"] <<= s })
	try("increment", func() { m["e"]++ })
	_, a1 := m["a"]
	_, b1 := m["b"]
	_, c1 := m["c"]
	_, d1 := m["d"]
	println(a1, b1, c1, d1, m["e"], len(m))
}

// Spelled out, the same update looks the key up first and inserts nothing.
func init() {
	m := map[string]int{}
	s := -1
	try("explicit negative shift", func() { m["d"] = m["d"] << s })
	_, ok := m["d"]
	println(ok)
}
