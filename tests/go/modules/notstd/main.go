package main

import (
	"container/stack"
	"fmt"
	"strngs"
)

func main() { fmt.Println(strngs.ToUpper("x"), stack.New()) }
