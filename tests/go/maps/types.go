// run

// Named map types with methods, maps in interfaces and type switches, sets,
// empty struct keys and values, map fields and globals, op= on map entries
// of every kind, map operations in a function with defers.
package main

type M map[string]int

func (m M) Get(k string) int { return m[k] }
func (m M) Set(k string, v int) { m[k] = v }

type Set map[int]struct{}

type S struct {
	m   map[string]int
	arr [3]int
}

var global = map[string][]int{"a": {1, 2}, "b": nil}

func keys(m map[string]int) int {
	n := 0
	for range m {
		n++
	}
	return n
}

func main() {
	m := M{}
	m.Set("x", 3)
	println(m.Get("x"), len(m))
	var i interface{} = m
	if mm, ok := i.(M); ok {
		println("is M", mm["x"])
	}
	switch v := i.(type) {
	case map[string]int:
		println("plain", len(v))
	case M:
		println("named", len(v))
	}
	s := Set{}
	s[1] = struct{}{}
	s[2] = struct{}{}
	_, has := s[1]
	println(len(s), has)
	es := map[struct{}]struct{}{}
	es[struct{}{}] = struct{}{}
	println(len(es))
	st := S{m: map[string]int{"q": 1}}
	st.m["r"] = 2
	println(len(st.m), st.m["q"]+st.m["r"])
	println(len(global["a"]), global["b"] == nil, keys(map[string]int{"a": 1, "b": 2}))
	var e interface{} = 5
	im := map[interface{}]string{}
	im[e] = "five"
	im[5] = im[5] + "!"
	println(im[5])
	fm := map[float32]int{1.5: 2}
	println(fm[1.5])
	bm := map[byte]rune{'a': 'b'}
	bm['a']++
	println(bm['a'])
	cm := map[complex64]string{complex(1, 2): "c"}
	println(cm[1+2i])
	type key struct {
		a string
		b int
	}
	km := map[key]int{}
	k1 := "he"
	k1 += "llo"
	km[key{k1, 1}] = 10
	println(km[key{"hello", 1}])
	pm := map[string]*int{}
	x := 7
	pm["x"] = &x
	*pm["x"]++
	println(x)
	sm := map[string]string{}
	sm["a"] += "x"
	sm["a"] += "y"
	println(sm["a"])
	ff := map[string]float64{}
	ff["a"] += 1.5
	ff["a"] *= 2
	println(ff["a"])
}

func g() (r int) {
	defer func() {
		if e := recover(); e != nil {
			r = len(e.(error).Error())
		}
	}()
	m := map[int]int{1: 1}
	m[2] = 2
	for k := range m {
		r += k
	}
	var nm map[int]int
	nm[1] = r
	return -1
}

func init() {
	println("g", g())
}
