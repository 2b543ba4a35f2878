package main

import (
	_ "example.com/errmany/a"
	_ "example.com/errmany/b"
	_ "example.com/errmany/d"
	_ "example.com/errmany/prog"
	_ "example.com/nowhere/x"
)

func main() { println("unreachable") }
