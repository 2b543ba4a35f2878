package main

import (
	"fmt"
	"os"
	"strings"

	"example.com/cmdtool/internal/greet"
)

func main() {
	fmt.Println("program:", base(os.Args[0]))
	for i, a := range os.Args[1:] {
		fmt.Printf("arg %d: %q\n", i+1, a)
	}
	fmt.Println(greet.Hello(len(os.Args) - 1))
}

// base is the last element of a slash-separated path.
func base(path string) string { return path[strings.LastIndexByte(path, '/')+1:] }
