package main

import (
	"fmt"

	"example.com/parse"
)

func try(src string) {
	defer func() {
		r := recover()
		fmt.Printf("%q: %T %v\n", src, r, r)
	}()
	p := parse.New(src)
	for {
		fmt.Println(p.Next())
	}
}

func main() {
	try("1 + x")
	p := parse.New("2 * 3 ?")
	for i := 0; i < 5; i++ {
		fmt.Println(p.MustNext())
	}
}
