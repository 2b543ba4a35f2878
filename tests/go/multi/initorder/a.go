// run

// A package main spread over three files: package variables depend on
// each other across files, and each file has init functions, which run
// in the order the files are given (sorted by name) after all variables.
package main

var A = B + C

func init() {
	println("init in a.go", A, B, C)
}

func main() {
	println("main:", A, B, C, describe())
}
