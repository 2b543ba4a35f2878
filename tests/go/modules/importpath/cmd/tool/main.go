package main

import (
	"fmt"
	"os"
	"path/filepath"

	"example.com/importpath/lib"
)

func main() {
	fmt.Println(filepath.Base(os.Args[0]), os.Args[1:], lib.Name())
}
