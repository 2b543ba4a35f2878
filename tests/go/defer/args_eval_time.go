// run

// Arguments of a deferred call are evaluated when the defer statement
// executes; a deferred closure sees later changes of captured variables.
package main

func show(tag string, v int) { println(tag, v) }

func next(p string) int {
	println("evaluating", p)
	return len(p)
}

func main() {
	x := 1
	defer show("arg at defer time", x)
	defer func() { show("closure sees", x) }()
	defer func(v int) { show("closure arg", v) }(x * 100)
	defer show("call in args", next("abc"))
	s := "before"
	defer println("string arg", s)
	s = "after"
	x = 2
	fn := func(n int) { println("first fn", n) }
	defer fn(x)
	fn = func(n int) { println("second fn", n) }
	x = 3
	println("body end", x, s)
}
