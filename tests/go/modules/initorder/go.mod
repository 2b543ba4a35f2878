// run

// Initialization order of packages (Go 1.21+): of the packages sorted by
// import path, the first one whose imports are all initialized goes next.
// main imports c, b and a in that order; a imports d. So b, c, d, a, then
// main: not the order of the import lists, and not depth first. Every
// package records its variable initializers and init functions (several
// per file, several files) in package trace, which all of them import and
// which is therefore first.

module example.com/initorder

go 1.27
