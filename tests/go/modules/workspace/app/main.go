package main

import (
	"fmt"
	"os"
	"path/filepath"

	"example.com/lib"
	"example.com/util/text"
)

func main() {
	fmt.Println(filepath.Base(os.Args[0]), text.Title(lib.Greeting(os.Args[1])))
}
