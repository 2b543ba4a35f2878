//go:build ignore

package main

func main() { println("a generator, never built") }
