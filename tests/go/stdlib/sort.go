// run

// sort: ints, strings, float64s (NaN first), user Interface types,
// Reverse, Slice on slices of structs and other element sizes, stability,
// IsSorted, and the Search family.
package main

import "sort"

type person struct {
	name string
	age  int
}

type byAge []person

func (a byAge) Len() int           { return len(a) }
func (a byAge) Less(i, j int) bool { return a[i].age < a[j].age }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

func ints(x []int) {
	for _, v := range x {
		print(v, " ")
	}
	println()
}

func people(p []person) {
	for _, v := range p {
		print(v.name, ":", v.age, " ")
	}
	println()
}

func main() {
	x := []int{5, 2, 9, -1, 0, 5, 3, 100, -50, 7}
	println(sort.IntsAreSorted(x))
	sort.Ints(x)
	ints(x)
	println(sort.IntsAreSorted(x), sort.SearchInts(x, 5), sort.SearchInts(x, 6), sort.SearchInts(x, -100), sort.SearchInts(x, 1000))
	sort.Sort(sort.Reverse(sort.IntSlice(x)))
	ints(x)
	println(sort.IsSorted(sort.Reverse(sort.IntSlice(x))), sort.IsSorted(sort.IntSlice(x)))
	sort.IntSlice(x).Sort()
	println(sort.IntSlice(x).Search(9))

	var empty []int
	sort.Ints(empty)
	println(sort.IntsAreSorted(empty), sort.SearchInts(empty, 3))

	s := []string{"pear", "apple", "", "Banana", "apple", "cherry", "äpfel"}
	sort.Strings(s)
	for _, v := range s {
		print("[", v, "] ")
	}
	println(sort.StringsAreSorted(s), sort.SearchStrings(s, "b"), sort.StringSlice(s).Search("pear"))

	nan := 0.0
	nan = nan / nan
	f := []float64{2.5, -1, nan, 0, 3, nan, -7.25}
	sort.Float64s(f)
	for _, v := range f {
		print(v, " ")
	}
	println(sort.Float64sAreSorted(f), sort.SearchFloat64s(f, 1))

	ps := []person{{"alice", 30}, {"bob", 25}, {"carol", 30}, {"dave", 20}, {"eve", 25}, {"frank", 30}}
	sort.Stable(byAge(ps))
	people(ps)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].name > ps[j].name })
	people(ps)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].age > ps[j].age })
	people(ps)
	println(sort.SliceIsSorted(ps, func(i, j int) bool { return ps[i].age > ps[j].age }))

	// Sort and Slice agree with gc exactly.
	big := make100()
	sort.Slice(big, func(i, j int) bool { return big[i]%1000 < big[j]%1000 })
	sum := 0
	for i, v := range big {
		sum += i * (v % 1000)
	}
	println(sum, big[0], big[99], sort.SliceIsSorted(big, func(i, j int) bool { return big[i]%1000 < big[j]%1000 }))
	bytes := []byte("the quick brown fox")
	sort.Slice(bytes, func(i, j int) bool { return bytes[i] < bytes[j] })
	println(string(bytes))
	small := []int16{300, -2, 7, 1}
	sort.Slice(small, func(i, j int) bool { return small[i] < small[j] })
	println(small[0], small[1], small[2], small[3])

	println(sort.Search(100, func(i int) bool { return i*i >= 50 }), sort.Search(0, func(int) bool { return true }),
		sort.Search(10, func(int) bool { return false }))
}

func make100() []int {
	x := []int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	v := 12345
	for i := range x {
		v = (v*1103515245 + 12345) % 2147483648
		x[i] = v/1000*1000 + i*7%1000
	}
	return x
}
