// run

// Evaluation order around map operations: index and value operands are
// evaluated before the map is touched; defer delete works.
package main

var trace string

func note(s string) { trace += s + "; " }

func key(k string) string  { note("key " + k); return k }
func val(v int) int        { note("val"); return v }
func mp(m map[string]int) map[string]int { note("map"); return m }

func show() {
	println(trace)
	trace = ""
}

func deleter(m map[string]int) {
	defer delete(m, "a")
	println("in deleter", len(m))
}

func main() {
	m := map[string]int{}
	mp(m)[key("a")] = val(1)
	show()
	mp(m)[key("a")] += val(2)
	show()
	x, y := m[key("a")], m[key("b")]
	show()
	println(x, y)
	m[key("c")], m[key("d")] = val(3), val(4)
	show()
	println(m["c"], m["d"], len(m))
	deleter(m)
	println(len(m), m["a"])
	i := 0
	arr := []int{10, 20}
	m2 := map[int]int{}
	m2[i], i = arr[i], 1
	println(m2[0], i, len(m2))
	swap := map[string]int{"p": 1, "q": 2}
	swap["p"], swap["q"] = swap["q"], swap["p"]
	println(swap["p"], swap["q"])
}

var gi = 0
var gm = map[int]int{}
var gm2 = map[int]int{}

func change() int { gi = 5; gm = gm2; return 7 }

// A call on the right runs before plain variable reads of the map and key.
func init() {
	gm[gi] = change()
	println(len(gm), len(gm2), gm[5], gm2[5])
	k := 1
	lm := map[int]int{}
	lm[k] = func() int { k = 2; return 3 }()
	println(lm[1], lm[2])
}
