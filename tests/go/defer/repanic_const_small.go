// run

// A small integer or bool constant converted to an interface is the same
// value as a computed one (gc points both at its static table of words):
// the re-raised panics are printed once.

package main

func main() {
	x := 7
	defer func() { panic(true) }()
	defer func() { panic(x > 3) }()
	defer func() { panic(int8(14)) }()
	panic(int8(x * 2))
}
