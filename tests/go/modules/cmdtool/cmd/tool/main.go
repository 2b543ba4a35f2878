package main

import (
	"fmt"
	"os"
	"path/filepath"

	"example.com/cmdtool/internal/greet"
)

func main() {
	fmt.Println("program:", filepath.Base(os.Args[0]))
	for i, a := range os.Args[1:] {
		fmt.Printf("arg %d: %q\n", i+1, a)
	}
	fmt.Println(greet.Hello(len(os.Args) - 1))
	wd, _ := os.Getwd()
	fmt.Println("cwd:", filepath.Base(wd))
}
