// errorcheck

// goto jumping over a variable declaration, and into a block.
package main

func main() {
	goto L
	x := 1
L:
	println(x)
	goto M
	{
	M:
		println("in block")
	}
}
