package main

import (
	"fmt"

	"example.com/missingpkg/utils"
)

func main() { fmt.Println(utils.Twice(2)) }
