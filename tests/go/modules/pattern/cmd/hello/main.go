package main

import (
	"os"

	"example.com/pattern/lib"
)

func main() { println(lib.Greeting(), os.Args[1]) }
