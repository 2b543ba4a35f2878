package main

import (
	"fmt"
	"os"
	"path/filepath"

	"example.com/subdir/pkg/mathx"
)

func main() {
	wd, _ := os.Getwd()
	fmt.Println(filepath.Base(os.Args[0]), filepath.Base(wd), mathx.Gcd(84, 36))
}
