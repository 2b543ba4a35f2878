// run

// sort.Slice on something that is not a slice panics as gc's reflection
// does; sort.Find.
package main

import (
	"sort"
	"strings"
)

type T struct{ a [3]int }

func main() {
	xs := []string{"a", "c", "e", "g"}
	for _, t := range []string{"", "a", "b", "g", "z"} {
		i, found := sort.Find(len(xs), func(i int) int { return strings.Compare(t, xs[i]) })
		println(t, i, found)
	}
	defer func() {
		e := recover()
		println(e.(error).Error())
		defer func() {
			println(recover().(error).Error())
			defer func() {
				println(recover().(error).Error())
				sort.Slice(T{}, func(i, j int) bool { return false })
			}()
			sort.SliceIsSorted(3.5, func(i, j int) bool { return false })
		}()
		var p *int
		sort.SliceStable(p, func(i, j int) bool { return false })
	}()
	sort.Slice(nil, func(i, j int) bool { return false })
}
