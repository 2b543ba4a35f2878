// errorcheck

// A parameter list whose last names have no type, and ... before the end.
package main

func f(a ...int, b) {}

func main() {}
