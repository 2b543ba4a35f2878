package main

import (
	"fmt"

	"example.com/nested/geometry"
	"example.com/nested/geometry/units"
	"example.com/nested/text/go-words"
	"example.com/nested/util/v2"
)

func main() {
	r := geometry.NewRect(2, 3)
	fmt.Println(r.Area(), r.Perimeter(), r.W, r.H)
	var s geometry.Shape = r
	fmt.Printf("%T %v %#v\n", s, s, r)
	c := geometry.Circle{R: units.Meters(2)}
	fmt.Printf("%T %v %.2f\n", c.R, c.R, c.Area())
	l := words.Split("go is fun")
	fmt.Printf("%T %d %q\n", l, l.Len(), l)
	fmt.Println(util.Reverse("deft"), util.Version)
	fmt.Printf("%T %T\n", util.Pair{}, &util.Pair{})
	fmt.Println(geometry.Count())
}
