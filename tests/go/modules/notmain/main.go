package main

import "example.com/notmain/lib"

func main() { println(lib.F()) }
