package main

import (
	"fmt"

	"example.com/deferflagpattern/lib"
)

func main() {
	defer fmt.Println("main done")
	fmt.Println(lib.Work(3))
}
