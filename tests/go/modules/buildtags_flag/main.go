package main

import (
	"fmt"

	"example.com/buildtagsflag/speed"
)

func main() { fmt.Println(mode(), speed.Name()) }
