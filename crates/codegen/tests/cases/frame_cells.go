package main

// Cells of captured variables and closure objects that cannot outlive the
// frame live in it; the others stay on the heap.

var keep func() int
var keepp *int

func f() (r int) {
	x := 1
	defer func() { r += x }()
	y := 2
	keep = func() int { return y }
	z := 3
	keepp = &z
	defer func() { r += y + z }()
	for i := 0; i < 3; i++ {
		j := i
		defer func() { r += j * 100 }()
	}
	func() { x++ }()
	return 10
}

func g() (r int) {
	defer func() {
		if e := recover(); e != nil {
			r = -r
		}
	}()
	r = 5
	var zero int
	return r / zero
}

func main() {
	println(f())
	println(keep(), *keepp)
	*keepp = 7
	println(f(), *keepp)
	println(g())
}
