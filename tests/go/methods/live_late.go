// run

// A method is compiled only once some interface call names it (gc's
// dead-code rule for methods, deft's codegen::livemethods): here names
// become live late — Area is called through an interface only inside a
// method that is itself reached only through an interface call, after
// the types were converted — and the tables made early still get them.
// Value methods called through a pointer's table, embedded types'
// promoted methods, method values of interfaces and assertions to an
// interface whose methods are never called are exercised too.

package main

import (
	"fmt"
	"strings"
)

type Square struct{ side int }

func (s Square) Area() int      { return s.side * s.side }
func (s Square) Perimeter() int { return 4 * s.side }
func (s *Square) Grow(n int)    { s.side += n }

type Named struct {
	Square
	name string
}

func (n Named) Describe() string { return n.name + " of side " + fmt.Sprint(n.side) }

type Shape interface{ Area() int }
type Grower interface{ Grow(int) }
type Describer interface{ Describe() string }
type Measurer interface{ Measure(any) int }

type areaMeasurer struct{}

// Measure is reached only through Measurer, and calls Area through Shape.
func (areaMeasurer) Measure(v any) int {
	if s, ok := v.(Shape); ok {
		return s.Area()
	}
	return -1
}

type Stringish struct{ parts []string }

// String is called by fmt (the runtime's own caller of String).
func (s Stringish) String() string { return strings.Join(s.parts, "+") }

func main() {
	// Converted first, before any interface call names their methods.
	values := []any{Square{3}, &Square{4}, Named{Square{5}, "five"}, &Named{Square{6}, "six"}, 7}
	var m Measurer = areaMeasurer{}
	for _, v := range values {
		fmt.Println(m.Measure(v))
	}
	// Grow through an interface, on a pointer whose table holds the
	// value methods too.
	var g Grower = &Square{1}
	g.Grow(2)
	fmt.Println(g.(Shape).Area())
	// An interface method value.
	d := Describer(Named{Square{2}, "two"}).Describe
	fmt.Println(d())
	// An assertion to an interface none of whose methods is called.
	_, ok := values[0].(interface{ Perimeter() int })
	fmt.Println(ok)
	fmt.Println(Stringish{[]string{"a", "b"}})
}
