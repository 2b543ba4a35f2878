package main

import (
	"fmt"
	"os"
	"strings"

	"example.com/importpath/lib"
)

func main() {
	fmt.Println(base(os.Args[0]), os.Args[1:], lib.Name())
}

// base is the last element of a slash-separated path.
func base(path string) string { return path[strings.LastIndexByte(path, '/')+1:] }
