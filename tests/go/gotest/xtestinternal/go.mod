// run
// deft-test: -count=1 -v

// An external test package (package shapes_test) imports an internal
// package under the package it tests: the go command allows it, as it
// lives in the same directory.

module example.com/shapes

go 1.27
