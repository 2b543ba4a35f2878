package main

import (
	"fmt"

	"example.com/initorder/c"
	"example.com/initorder/b"
	"example.com/initorder/a"
	"example.com/initorder/trace"
)

var m = trace.Add("main.m")

func init() { trace.Add("main.init") }

func main() {
	trace.Add("main.main")
	fmt.Println(a.A, b.B, c.C, m)
	for i, s := range trace.Log {
		fmt.Println(i, s)
	}
}
