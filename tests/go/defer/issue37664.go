// run

// Scenario of Go issue 37664: a recursive evaluator whose frames recover
// and re-panic repeatedly until the frame that owns the panic handles it;
// afterwards no stale deferred call may remain registered, which a later
// panic/recover through fresh frames would expose.
package main

var trail string

func eval(depth, max, owner int) (result int) {
	defer func() {
		e := recover()
		if e == nil {
			return
		}
		if e.(int) != depth {
			trail += "r"
			panic(e)
		}
		trail += "H"
		result = -depth
	}()
	if depth%2 == 0 {
		// Even levels also carry a loop defer, so their records are not open-coded.
		for i := 0; i < 1; i++ {
			defer func() { trail += "." }()
		}
	}
	if depth+1 < max {
		return eval(depth+1, max, owner) + 1
	}
	panic(owner)
}

func scribble(n int) int {
	a, b, c, d := n, n*2, n*3, n*4
	if n == 0 {
		return a + b + c + d
	}
	return scribble(n-1) + a - b + c - d
}

func probe(levels int) (ok bool) {
	defer func() {
		ok = recover() == "probe"
	}()
	scribble(levels)
	panic("probe")
}

func main() {
	println(eval(0, 6, 2), trail)
	trail = ""
	println(probe(10))
	println(eval(0, 5, 1), trail)
	trail = ""
	println(probe(20))
	println(eval(0, 6, 3), trail)
	println(probe(30))
}
