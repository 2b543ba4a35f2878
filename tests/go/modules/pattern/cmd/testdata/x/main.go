package main

func main() { println("testdata") }
