// run

// `!` of a small function's comparison result: once the call is inlined,
// codegen (prove.rs) makes `!less(x, y)` the complementary comparison
// itself. For floats that complement is "unordered or >=": a NaN on
// either side makes `!(x < y)` true. Loops as slices.Sort's partition
// writes them, values stored, branches, ints and floats.
package main

import (
	"cmp"
	"fmt"
	"math"
)

func less[T cmp.Ordered](x, y T) bool { return x < y }

func lessEq(x, y float64) bool { return x <= y }

func greater(x, y int8) bool { return x > y }

func isNaN(x float64) bool { return x != x }

// partition moves what is not less than the pivot to the right, as
// slices' partitionOrdered does.
func partition[T cmp.Ordered](data []T, pivot T) (int, []T) {
	i, j := 0, len(data)-1
	for {
		for i <= j && cmp.Less(data[i], pivot) {
			i++
		}
		for i <= j && !cmp.Less(data[j], pivot) {
			j--
		}
		if i > j {
			return i, data
		}
		data[i], data[j] = data[j], data[i]
		i++
		j--
	}
}

func main() {
	nan := math.NaN()
	floats := []float64{nan, -1, 0, math.Copysign(0, -1), 2.5, math.Inf(1), math.Inf(-1)}
	for _, x := range floats {
		for _, y := range floats {
			a, b, c := !less(x, y), !lessEq(x, y), !isNaN(x)
			n := 0
			if !less(x, y) {
				n++
			}
			if !lessEq(y, x) && !isNaN(y) {
				n += 10
			}
			fmt.Println(x, y, a, b, c, n)
		}
	}
	ints := []int8{-128, -1, 0, 1, 127}
	for _, x := range ints {
		for _, y := range ints {
			fmt.Println(x, y, !less(x, y), !greater(x, y), !less(uint8(x), uint8(y)), !less(int64(x)<<40, int64(y)<<40))
		}
	}
	fmt.Println(partition([]int{5, 1, 9, 3, 7, 3, 8, 2, 6}, 5))
	fmt.Println(partition([]float64{3, nan, 1, 4, nan, 0.5, 2}, 2))
	fmt.Println(partition([]string{"pear", "fig", "apple", "kiwi", "date"}, "fig"))
	k := 0
	for s := []float64{1, 2, nan, 4}; k < len(s) && !less(s[k], 3); k++ {
	}
	fmt.Println(k)
}
