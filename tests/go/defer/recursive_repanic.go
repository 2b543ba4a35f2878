// run

// A recursive function where each level recovers and re-panics until the
// level named by the panic value handles it (the shape of an interpreter
// unwinding to a handler), repeated several times.
package main

var handled string

func interp(level, max, target int) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if r.(int) != level {
			panic(r)
		}
		handled += "L"
		println("handled at level", level)
	}()
	if level+1 < max {
		interp(level+1, max, target)
		return
	}
	panic(target)
}

func clean(n int) int {
	defer func() { recover() }()
	if n == 0 {
		panic("bottom")
	}
	return clean(n-1) + 1
}

func main() {
	interp(0, 6, 2)
	println(clean(10))
	interp(0, 5, 0)
	interp(0, 7, 6)
	println(clean(5))
	println(handled)
}
