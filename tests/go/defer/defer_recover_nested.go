// run

// `defer recover()` recovers on behalf of the function containing the
// defer statement (gc evaluates recover's frame argument at the defer): it
// stops the panic iff that function is a deferred call run directly by the
// panic. Found by the differential fuzzer (seed-79 and others).
package main

func direct() {
	defer func() { println("direct: outer recover", recover() != nil) }()
	defer recover()
	panic(1)
}
func f3() {
	defer func() {
		defer recover()
	}()
	panic(1)
}
func f5() {
	defer func() { println("f5 outer", recover() != nil) }()
	defer func() {
		func() { println("f5 nested call", recover() != nil) }()
	}()
	panic(1)
}
func f6() {
	defer func() { println("f6 outer", recover() != nil) }()
	defer func() {
		defer func() { defer recover() }()
	}()
	panic(1)
}
func f7() {
	defer func() { println("f7 outer", recover() != nil) }()
	defer func() {
		defer recover()
		panic(2)
	}()
	panic(1)
}
func f8() {
	for i := 0; i < 1; i++ {
		defer func() {
			defer recover()
		}()
	}
	panic(1)
}
func f9() {
	defer func() { println("f9 outer", recover() != nil) }()
	defer func() {
		for i := 0; i < 1; i++ {
			defer recover()
		}
	}()
	panic(1)
}
func main() {
	direct()
	println("direct survived")
	f3()
	println("f3 survived")
	f5()
	println("f5 survived")
	f6()
	println("f6 survived")
	f7()
	println("f7 survived")
	f8()
	println("f8 survived")
	f9()
	println("f9 survived")
}
