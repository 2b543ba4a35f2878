// run

// Large keys and values in maps (range, comma-ok, delete, update through
// a copy), switch on large arrays, and comparing large arrays holding
// uncomparable dynamic values (a runtime panic).
package main

import (
	"fmt"
	"sort"
)

type K struct {
	name string
	id   [70]int
}

type Val [80]string

func main() {
	m := map[K]Val{}
	for i := 0; i < 5; i++ {
		var k K
		k.name = fmt.Sprint("k", i)
		k.id[69] = i
		var v Val
		v[0] = k.name
		v[79] = fmt.Sprint(i * i)
		m[k] = v
	}
	var names []string
	for k, v := range m {
		names = append(names, k.name+"="+v[79]+"/"+v[0])
	}
	sort.Strings(names)
	fmt.Println(names)
	var probe K
	probe.name = "k3"
	probe.id[69] = 3
	v, ok := m[probe]
	fmt.Println(v[79], ok)
	v[79] = "changed"
	fmt.Println(m[probe][79])
	m[probe] = v
	fmt.Println(m[probe][79], len(m))
	delete(m, probe)
	_, ok = m[probe]
	fmt.Println(ok, len(m))

	var a, b [100]int
	b[50] = 1
	switch a {
	case b:
		fmt.Println("b")
	case [100]int{}:
		fmt.Println("zero")
	}

	defer func() { fmt.Println("recovered:", recover()) }()
	var x, y [70]interface{}
	x[3] = []int{1}
	y[3] = []int{1}
	fmt.Println(x == y)
}
