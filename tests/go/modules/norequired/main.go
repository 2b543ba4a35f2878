package main

import (
	"fmt"

	"example.org/colour/rgb"
)

func main() { fmt.Println(rgb.Red) }
