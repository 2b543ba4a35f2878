// run
// deft-flags: -gcflags=-d=defer

// Where gc stops open-coding: more than 8 defers in one function, and
// returns times defers above 15. (deft may open-code more than 8 with a
// wider bitmask; its report must still match gc's on this program.)
package main

var n int

func inc() { n++ }

func nine() {
	defer inc()
	defer inc()
	defer inc()
	defer inc()
	defer inc()
	defer inc()
	defer inc()
	defer inc()
	defer inc()
}

func eight() {
	defer inc()
	defer inc()
	defer inc()
	defer inc()
	defer inc()
	defer inc()
	defer inc()
	defer inc()
}

func manyReturns(x int) int {
	defer inc()
	defer inc()
	defer inc()
	defer inc()
	switch x {
	case 0:
		return 0
	case 1:
		return 1
	case 2:
		return 2
	}
	return 3
}

func fewReturns(x int) int {
	defer inc()
	defer inc()
	defer inc()
	if x > 0 {
		return 1
	}
	return 0
}

func main() {
	nine()
	eight()
	manyReturns(1)
	fewReturns(1)
	println(n)
}
