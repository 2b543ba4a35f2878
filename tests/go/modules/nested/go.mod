// run

// A module with nested packages: exported and unexported names, methods
// on types of other packages, package names that differ from the last
// element of their import path (text/go-words is package words, util/v2
// is package util), and %T / %#v, which show the package name.

module example.com/nested

go 1.27
