// run

// for g = range it: the body assigns g before it checks the loop state,
// so a yield called after the loop ended still sets g (then panics).

package main

var g int

func main() {
	var sv func(int) bool
	it := func(yield func(int) bool) { sv = yield }
	for g = range it {
	}
	defer func() { println("recovered:", recover() != nil, "g =", g) }()
	sv(111)
}
