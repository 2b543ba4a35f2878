package main

import (
	"fmt"
	"os"
	"strings"

	"example.com/files/count"
)

func main() {
	fmt.Println(base(os.Args[0]), os.Args[1:])
	fmt.Println(helper(), count.Letters("modules"))
}

// base is the last element of a slash-separated path.
func base(path string) string { return path[strings.LastIndexByte(path, '/')+1:] }
