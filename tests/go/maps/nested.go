// run

// Maps inside other values: maps of maps, maps in structs and slices,
// slices and structs as values, map-valued functions, closures.
package main

type Graph struct {
	name  string
	edges map[string][]string
}

func count(words []string) map[string]int {
	c := make(map[string]int)
	for _, w := range words {
		c[w]++
	}
	return c
}

func main() {
	mm := map[string]map[string]int{}
	mm["x"] = map[string]int{"y": 5}
	mm["x"]["z"] = 6
	if mm["w"] == nil {
		mm["w"] = map[string]int{}
	}
	mm["w"]["v"]++
	println(mm["x"]["y"], mm["x"]["z"], mm["w"]["v"], len(mm), mm["nope"]["a"])

	g := Graph{name: "g", edges: map[string][]string{}}
	g.edges["a"] = []string{"b"}
	g.edges["a"] = []string{g.edges["a"][0], "c"}
	println(g.name, len(g.edges["a"]), g.edges["a"][1])

	ms := []map[int]int{{1: 1}, {2: 2}, nil}
	ms[2] = map[int]int{3: 3}
	println(ms[0][1], ms[1][2], ms[2][3])

	c := count([]string{"a", "b", "a", "c", "a", "b"})
	println(c["a"], c["b"], c["c"], len(c))

	type S struct{ a, b int }
	sv := map[int]S{}
	sv[1] = S{1, 2}
	println(sv[1].a+sv[1].b, sv[2].b)

	arrv := map[int][3]int{1: {1, 2, 3}}
	println(arrv[1][2], arrv[5][0])

	f := func() map[int]string { return map[int]string{7: "seven"} }
	println(f()[7])

	counter := map[string]int{}
	inc := func(k string) { counter[k]++ }
	inc("a")
	inc("a")
	println(counter["a"])

	p := &mm
	(*p)["x"]["y"] = 50
	println(mm["x"]["y"])

	fm := map[string]func(int) int{
		"double": func(x int) int { return x * 2 },
		"square": func(x int) int { return x * x },
	}
	println(fm["double"](4), fm["square"](4))
}
