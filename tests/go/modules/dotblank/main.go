package main

import (
	"fmt"

	. "example.com/dotblank/colors"
	reg "example.com/dotblank/plugins"
	_ "example.com/dotblank/plugins/alpha"
	_ "example.com/dotblank/plugins/beta"
)

func main() {
	fmt.Println(Red, Green, Mix(Red, Green), Name(Blue))
	for _, p := range reg.Names() {
		fmt.Println("plugin", p, reg.Run(p, 3))
	}
}
