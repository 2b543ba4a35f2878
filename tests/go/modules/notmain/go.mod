// errorcheck
// deft-run: ./lib

// go run of a package that is not package main.

module example.com/notmain

go 1.27
