package main

import (
	"fmt"

	"example.com/deferflag/lib"
)

func main() {
	defer fmt.Println("main done")
	for i := 0; i < 2; i++ {
		defer fmt.Println("loop", i)
	}
	fmt.Println(lib.Work(3))
}
