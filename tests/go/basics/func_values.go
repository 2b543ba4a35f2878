// run

// Functions as values: assigned, compared with nil, passed, returned,
// stored in package variables.
package main

var op func(int, int) int

func add(a, b int) int { return a + b }
func mul(a, b int) int { return a * b }

func pick(name string) func(int, int) int {
	switch name {
	case "add":
		return add
	case "mul":
		return mul
	}
	return nil
}

func fold(f func(int, int) int, start int, n int) int {
	acc := start
	for i := 1; i <= n; i++ {
		acc = f(acc, i)
	}
	return acc
}

func main() {
	println(op == nil)
	op = add
	println(op != nil, op(2, 3))
	println(fold(pick("add"), 0, 10), fold(pick("mul"), 1, 10))
	println(pick("div") == nil)
	var g func()
	println(g == nil)
	g = func() { println("called g") }
	g()
}
