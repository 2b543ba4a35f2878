package store

import (
	"fmt"

	"example.com/initpanic/cfg"
)

var Size = cfg.Limit + 1

func init() {
	fmt.Println("store: size", Size)
	check(Size)
}

func check(n int) {
	if n > 20 {
		panic(fmt.Sprintf("store: size %d too large", n))
	}
}
