package p

// A third iteration variable is reported unless the range clause has a
// worse error.
func f(s []int, c chan int, n int) {
	var i, j, k int
	for i, j, k = range s {
	}
	for i, j, k = range c {
	}
	for i, j, k = range n {
	}
	for i, j, k = range undefined {
	}
	_, _, _ = i, j, k
}
