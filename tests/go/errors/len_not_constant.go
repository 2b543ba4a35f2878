// errorcheck

// len and cap of an array are not constant when the operand calls a
// function or receives, inside a conversion too.
package main

type stats struct{ pauses [256]uint64 }

func get() *stats { return nil }

var ch chan *stats

const a = len(get().pauses)
const b = cap((*stats)(get()).pauses)
const c = len((<-ch).pauses)
const d = len((*stats)(nil).pauses)

func main() {
	println(a, b, c, d)
}
