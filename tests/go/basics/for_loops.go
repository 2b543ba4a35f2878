// run

// The three for forms, loop variables, nested loops, and a loop whose
// condition has side effects.
package main

var calls int

func more(i int) bool {
	calls++
	return i < 3
}

func main() {
	for i := 0; i < 3; i++ {
		print(i, " ")
	}
	println()
	j := 10
	for j > 7 {
		j--
	}
	println(j)
	k := 0
	for {
		k++
		if k == 5 {
			break
		}
	}
	println(k)
	for i := 0; more(i); i++ {
	}
	println(calls)
	sum := 0
	for i := 1; i <= 10; i++ {
		for j := i; j <= 10; j += i {
			sum += j
		}
	}
	println(sum)
	var x int
	for x = 0; x < 100; x += 7 {
	}
	println(x)
	for a, b := 0, 10; a < b; a, b = a+1, b-1 {
		print(a, b, ";")
	}
	println()
}
