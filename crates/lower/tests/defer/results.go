// defer-check

// gc does not open-code defers when a result parameter lives on the heap.
// A result captured by reference by an escaping closure, or whose address
// escapes, does.

package main

var keep func()
var keepInt *int

func capturedByDeferredClosure() (r int) {
	defer func() { r++ }()
	return 1
}

func capturedByEscapingClosure() (r int) {
	defer func() { r++ }()
	keep = func() { r++ }
	return 1
}

func capturedByCalledClosure() (r int) {
	defer func() { r++ }()
	f := func() { r++ }
	f()
	return 1
}

func capturedByValue() (r int) {
	defer println("x")
	keep = func() { println(r) }
	return
}

func addressEscapes() (r int) {
	defer func() {}()
	keepInt = &r
	return
}

func addressToCallee() (r int) {
	defer func() {}()
	set(&r)
	return
}

func set(p *int) { *p = 1 }

func main() {
	capturedByDeferredClosure()
	capturedByEscapingClosure()
	capturedByCalledClosure()
	capturedByValue()
	addressEscapes()
	addressToCallee()
}
