// Examples: output compared trimmed, unordered output, an example with no
// output comment (compiled, not run), a failing one.
package examples_test

import (
	"fmt"

	"example.com/examples"
)

func ExampleHello() {
	fmt.Println(examples.Hello("gopher"))
	// Output: hello, gopher
}

func ExampleHello_lines() {
	fmt.Println("  one")
	fmt.Println("two")
	fmt.Print("three  \n\n")
	// Output:
	//   one
	// two
	// three
}

func ExampleHello_unordered() {
	for _, s := range []string{"c", "a", "b"} {
		fmt.Println(s)
	}
	// Unordered output:
	// a
	// b
	// c
}

func ExampleHello_notRun() {
	panic("no output comment: never run")
}

func ExampleHello_wrong() {
	fmt.Println("got this")
	// Output: want that
}
