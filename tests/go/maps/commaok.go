// run

// Comma-ok lookups in every position (assignment with conversion, if and
// switch initialisers), struct values, maps in arrays, adding during range,
// maps of interface values.
package main

type T struct{ a, b int }

func main() {
	m := map[string]int{"a": 1}
	var v interface{}
	var ok bool
	v, ok = m["a"]
	println(v.(int), ok)
	if x, ok := m["a"]; ok {
		println("found", x)
	}
	switch y, ok := m["zz"]; {
	case ok:
		println("yes", y)
	default:
		println("no", y)
	}
	tm := map[int]T{1: {2, 3}}
	t, ok := tm[1]
	println(t.a, t.b, ok)
	t2, ok2 := tm[9]
	println(t2.a, t2.b, ok2)
	var arr [2]map[int]int
	arr[0] = map[int]int{}
	arr[0][5] = 6
	println(arr[0][5], arr[1][5])
	p := &tm
	(*p)[4] = T{}
	println(len(tm))
	mk := map[int]int{}
	for i := 0; i < 10; i++ {
		mk[i] = i
	}
	total := 0
	for k, v := range mk {
		if k == 3 {
			mk[100] = 100
		}
		total += v
	}
	println(total >= 45, len(mk))
	mm := map[string]map[int]bool{}
	mm["a"] = map[int]bool{}
	mm["a"][1] = true
	if mm["a"][1] && !mm["b"][1] {
		println("nested ok")
	}
	var iface interface{} = tm
	println(iface != nil)
	ifm := map[interface{}]interface{}{}
	ifm[1] = "one"
	ifm["two"] = 2
	ifm[T{1, 2}] = T{3, 4}
	println(ifm[1].(string), ifm["two"].(int), ifm[T{1, 2}].(T).b, ifm[3] == nil)
	r, found := ifm[T{1, 2}].(T)
	println(r.a, found)
}
