package main

import (
	"fmt"
	"os"
	"path/filepath"

	"example.com/files/count"
)

func main() {
	fmt.Println(filepath.Base(os.Args[0]), os.Args[1:])
	fmt.Println(helper(), count.Letters("modules"))
}
