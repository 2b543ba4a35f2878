// run

// A method with an interface's name but another signature does not implement
// it: type assertions, fmt's Stringer and error, and the panic printer.

package main

import (
	"errors"
	"fmt"
)

type N int

func (n N) String() int { return int(n) * 100 }

type E struct{}

func (E) Error() int { return 7 }

type G int

func (G) String() string { return "gee" }

func main() {
	fmt.Println(N(3), E{}, G(1))
	fmt.Printf("%v %s %d\n", N(4), G(2), N(5))
	var x interface{} = N(1)
	_, ok := x.(fmt.Stringer)
	_, ok2 := x.(interface{ String() int })
	fmt.Println(ok, ok2)
	err := errors.New("x")
	fmt.Println(errors.Is(err, err))
	defer func() { fmt.Println(recover()) }()
	panic(N(9))
}
