// run

// len and cap of an array reached through conversions are constants
// (runtime/debug sizes an array by len(((*runtime.MemStats)(nil)).PauseNs)),
// as are those with constant calls inside; a function call or a receive
// makes them values.

package main

type stats struct {
	pauses [256]uint64
	grid   [3][4]int
}

type wrapped *stats

var sink *stats

func get() *stats { return sink }

const pauses = len(((*stats)(nil)).pauses)
const rows, cols = len((*stats)(nil).grid), cap((*stats)(nil).grid[len("ab")])
const viaDefined = len((*stats)(wrapped(nil)).pauses)

var buf [len(((*stats)(nil)).pauses) / 64]byte

func main() {
	println(pauses, rows, cols, viaDefined, len(buf))
	sink = &stats{}
	n := len(get().pauses) // a value: get is called
	println(n)
	ch := make(chan [2]int, 1)
	ch <- [2]int{1, 2}
	println(len(<-ch))
}
