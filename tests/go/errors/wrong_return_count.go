// errorcheck

// return statements with the wrong number of values.
package main

func f() int {
	return 1, 2
}

func g() (int, string) {
	return 1
}

func h() {
	return 3
}

func main() {
	f()
	g()
	h()
}
