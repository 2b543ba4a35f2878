package main

import (
	"fmt"

	"example.com/initpanic/store"
)

var banner = fmt.Sprint("size ", store.Size)

func main() {
	fmt.Println(banner)
}
