package main

import (
	"fmt"

	"example.com/varinit/registry"
	"example.com/varinit/shapes"
)

func main() {
	fmt.Println(shapes.Total, shapes.Names())
	fmt.Println(registry.Order())
}
