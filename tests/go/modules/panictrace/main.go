package main

import (
	"fmt"

	"example.com/panictrace/vm"
)

func main() {
	m := vm.New([]int{1, 2, 3})
	fmt.Println(m.Run(2))
	defer fmt.Println("deferred in main")
	fmt.Println(m.Run(7))
}
