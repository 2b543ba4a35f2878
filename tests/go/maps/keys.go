// run

// Key kinds: integers of every width, bools, floats (+0 == -0, NaN never
// equal), complex, strings, arrays, structs, pointers, interfaces holding
// mixed dynamic types.
package main

type P struct {
	x, y int
	s    string
}

type small struct {
	a int8
	b int64
	c bool
}

func main() {
	i8 := map[int8]int{-1: 1, 127: 2}
	u16 := map[uint16]int{65535: 3}
	b := map[bool]string{true: "t", false: "f"}
	println(i8[-1], i8[127], u16[65535], b[true], b[false])

	f := map[float64]int{}
	f[0.0] = 1
	negz := 0.0
	negz = -negz
	f[negz]++
	println(len(f), f[0])
	nan := 0.0
	nan = nan / nan
	f[nan] = 1
	f[nan] = 2
	println(len(f), f[nan])
	_, ok := f[nan]
	println(ok)
	delete(f, nan)
	println(len(f))
	nans := 0
	for k, v := range f {
		if k != k {
			nans += v
		}
	}
	println(nans)

	c := map[complex128]int{1 + 2i: 5}
	println(c[1+2i], c[2+1i])

	arr := map[[2]int]string{{1, 2}: "a", {3, 4}: "b"}
	println(arr[[2]int{1, 2}], arr[[2]int{3, 4}], arr[[2]int{2, 1}] == "", len(arr))

	ps := map[P]int{{1, 2, "x"}: 1, {1, 2, "y"}: 2}
	println(ps[P{1, 2, "x"}], ps[P{1, 2, "y"}], ps[P{1, 2, "z"}])
	sm := map[small]int{}
	sm[small{1, 2, true}] = 7
	println(sm[small{1, 2, true}], sm[small{1, 2, false}])

	p1, p2 := new(int), new(int)
	pm := map[*int]int{p1: 1, p2: 2}
	println(pm[p1], pm[p2], pm[nil])

	im := map[interface{}]int{1: 1, "a": 2, 1.5: 3, P{1, 2, "q"}: 4, int64(1): 5, nil: 6, [2]int{1, 2}: 7}
	println(im[1], im["a"], im[1.5], im[P{1, 2, "q"}], im[int64(1)], im[nil], im[[2]int{1, 2}], im[int32(1)])
	println(len(im))

	type E interface{}
	var e E = "a"
	println(im[e])

	s := map[string]int{"": 1, "hello": 2, "hello, world and more": 3}
	println(s[""], s["hello"], s["hello, world and more"], s["hell"])
}
