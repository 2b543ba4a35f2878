// run
// deft-run: main.go helper.go one two

// `go run main.go helper.go ARGS` inside a module: the named files form
// package main (extra.go, not named, is left out), they may import the
// module's packages, and the executable is named after the first file.

module example.com/files

go 1.27
