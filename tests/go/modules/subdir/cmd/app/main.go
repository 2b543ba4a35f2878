package main

import (
	"fmt"
	"os"
	"strings"

	"example.com/subdir/pkg/mathx"
)

func main() {
	fmt.Println(base(os.Args[0]), mathx.Gcd(84, 36))
}

// base is the last element of a slash-separated path.
func base(path string) string { return path[strings.LastIndexByte(path, '/')+1:] }
