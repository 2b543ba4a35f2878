// run

// if with init statements, else-if chains, scoping of variables declared
// in the condition, and shadowing.
package main

func sign(x int) int {
	if x > 0 {
		return 1
	} else if x < 0 {
		return -1
	} else {
		return 0
	}
}

func main() {
	println(sign(5), sign(-5), sign(0))
	x := 1
	if x := 2; x > 1 {
		println("inner", x)
	} else {
		println("else", x)
	}
	println("outer", x)
	if y := x * 10; y > 100 {
		println("big")
	} else if z := y + 1; z > 5 {
		println("medium", y, z)
	} else {
		println("small", y, z)
	}
	{
		x := "block"
		println(x)
	}
	println(x)
}
