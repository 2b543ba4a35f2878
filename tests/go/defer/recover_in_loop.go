// run

// Thousands of panics recovered in a loop, through frames using each
// defer strategy: nothing leaks between iterations, and every result is
// what the deferred calls set.
package main

func open(i int) (r int) {
	defer func() {
		if recover() != nil {
			r = -i
		}
	}()
	if i%3 == 0 {
		panic(i)
	}
	return i
}

func looped(i int) (r int) {
	for k := 0; k < 2; k++ {
		defer func() { r++ }()
	}
	defer func() {
		if recover() != nil {
			r += 100
		}
	}()
	if i%5 == 0 {
		panic("five")
	}
	return 0
}

func nested(i int) (r int) {
	defer func() {
		if e := recover(); e != nil {
			r = e.(int) * 2
		}
	}()
	func() {
		defer func() {
			if i%7 == 0 {
				panic(recover())
			}
		}()
		if i%7 == 0 {
			panic(i)
		}
	}()
	return 1
}

func main() {
	sum1, sum2, sum3 := 0, 0, 0
	for i := 0; i < 3000; i++ {
		sum1 += open(i)
		sum2 += looped(i)
		sum3 += nested(i)
	}
	println(sum1, sum2, sum3)
}
