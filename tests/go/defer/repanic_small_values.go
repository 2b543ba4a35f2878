// run

// Small integers and bools converted to an interface share gc's static
// words: the same value raised twice is the same panic value, printed once.

package main

import "fmt"

func main() {
	x := 7
	var i8 int8 = -3
	var b = x > 3
	fmt.Println(any(x*2), any(i8), any(b), any(uint16(300)), any(int64(-1)), any(uint8(255)))
	defer func() { panic(x * 2) }()
	panic(x + 7)
}
