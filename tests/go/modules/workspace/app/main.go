package main

import (
	"fmt"
	"os"
	"strings"

	"example.com/lib"
	"example.com/util/text"
)

func main() {
	fmt.Println(base(os.Args[0]), text.Title(lib.Greeting(os.Args[1])))
}

// base is the last element of a slash-separated path.
func base(path string) string { return path[strings.LastIndexByte(path, '/')+1:] }
