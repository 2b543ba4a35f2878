// defer-check -N

// -N: nothing is open-coded; a defer in a loop is still heap-allocated.

package main

func a() {
	defer println("a")
}

func b() {
	for i := 0; i < 2; i++ {
		defer println(i)
	}
	defer println("b")
}

func main() {
	a()
	b()
}
