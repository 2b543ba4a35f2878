// run

// copy of a multi-value call, directly and deferred.

package main

func two() ([]int, []int) { return make([]int, 2), []int{7, 8, 9} }

func main() {
	a, b := two()
	defer func() { println(a[0], a[1], b[2]) }()
	defer copy(two())
	defer copy(a, b)
	println(copy(two()))
}
