package main

import (
	"fmt"

	"example.com/unexported/geo"
)

func main() {
	r := shapes.Rect{W: 2}
	fmt.Println(r.W, r.h, shapes.area(r), r.scale(2))
	var p shapes.point
	fmt.Println(p)
}
