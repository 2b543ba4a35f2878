package main

// Panics raised inside deferred calls of deferred calls, recovered at
// several levels (the shapes of Go issues 43920, 43921 and 43941).

func expect(n int, v interface{}) {
	if v == nil {
		println("want", n, "have nil")
		return
	}
	println("want", n, "have", v.(int))
}

var steps int

func step(want int) {
	steps++
	println("step", steps, "want", want)
}

func issue43921() {
	defer func() {
		expect(1, recover())
	}()
	func() {
		for {
			defer func() {}()
			break
		}
		defer func() {
			defer func() {
				expect(4, recover())
			}()
			panic(4)
		}()
		panic(1)
	}()
}

func issue43920() {
	steps = 0
	defer func() {
		expect(1, recover())
	}()
	defer func() {
		defer func() {
			defer func() {
				expect(5, recover())
			}()
			defer panic(5)
			func() {
				panic(4)
			}()
		}()
		defer func() {
			expect(3, recover())
		}()
		defer panic(3)
	}()
	func() {
		defer step(1)
		panic(1)
	}()
}

func issue43941() {
	steps = 7
	defer func() {
		step(14)
		expect(4, recover())
	}()
	func() {
		func() {
			defer func() {
				defer func() {
					expect(3, recover())
				}()
				defer panic(3)
				panic(2)
			}()
			defer func() {
				expect(1, recover())
			}()
			defer panic(1)
		}()
		defer func() {}()
		defer func() {}()
		defer step(10)
		defer step(9)
		step(8)
	}()
	func() {
		defer step(13)
		defer step(12)
		func() {
			defer step(11)
			panic(4)
		}()
		defer func() {}()
		defer panic(-1)
		defer step(-1)
		defer step(-1)
		defer func() {}()
	}()
}

func issue48898() {
	defer func() {
		println(recover().(int))
	}()
	func() {
		func() (_ [2]int) { return }()
		func() {
			defer func() {
				defer func() {
					recover()
				}()
				defer panic(3)
				panic(2)
			}()
			defer func() {
				recover()
			}()
			panic(1)
		}()
		defer func() {}()
	}()
	var x = 123
	func() {
		defer println(x)
		func() {
			defer func() {}()
			panic(4)
		}()
	}()
}

func main() {
	issue43921()
	issue43920()
	issue43941()
	issue48898()
	println("done")
}
