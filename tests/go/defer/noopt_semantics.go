// run
// deft-flags: -gcflags=-N

// Under -N every defer uses records instead of open-coding; panics,
// recovers, named results and exit sequences behave exactly the same.
package main

func named() (n int) {
	defer func() { n *= 3 }()
	defer func() {
		if r := recover(); r != nil {
			n = r.(int)
		}
	}()
	panic(14)
}

func exits(k int) (s string) {
	defer func() { s = "[" + s + "]" }()
	if k == 0 {
		return "zero"
	}
	if k == 1 {
		return "one"
	}
	return "many"
}

func nested() {
	defer func() {
		println("outer recovered", recover().(string))
	}()
	defer func() {
		defer func() {
			println("inner recovered", recover().(string))
		}()
		panic("inner")
	}()
	panic("outer")
}

func main() {
	println(named())
	println(exits(0), exits(1), exits(5))
	nested()
}
