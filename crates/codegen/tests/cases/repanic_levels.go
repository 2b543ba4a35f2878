package main

// Repeated recover/re-panic through recursive frames until the level that
// handles the value (the shape of Go issue 37664), then a clean
// panic/recover that would run any stale deferred call left behind.

func interp(level, max, target int) {
	defer func() {
		e := recover()
		if e == nil {
			return
		}
		if level != e.(int) {
			println("level", level, "re-panics", e.(int))
			panic(e)
		}
		println("level", level, "handles it")
	}()
	if level+1 < max {
		interp(level+1, max, target)
	} else {
		panic(target)
	}
}

func clean(level, max int) {
	defer func() {
		recover()
	}()
	deep(level, max)
}

func deep(level, max int) {
	if level+1 < max {
		deep(level+1, max)
	} else {
		panic("deep")
	}
}

func main() {
	interp(0, 6, 2)
	clean(0, 10)
	interp(0, 5, 1)
	clean(0, 10)
	interp(0, 6, 3)
	clean(0, 10)
	println("ok")
}
