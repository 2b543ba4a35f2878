// run

// A deferred func value with results goes through gc's wrapper closure,
// which recover looks through: the value still recovers.
package main

func f4() {
	c := func() int {
		println("recovered:", recover() != nil)
		return 1
	}
	defer c()
	panic("x")
}

func f5() {
	c := func() int {
		println("f5 recovered:", recover() != nil)
		return 1
	}
	defer c()
	defer c()
	panic("y")
}

func f6() {
	c := func() int {
		r := recover()
		println("f6 recovered:", r != nil)
		if r == nil {
			panic("z")
		}
		return 1
	}
	defer c()
	defer c()
}

func main() {
	f4()
	f5()
	f6()
}
