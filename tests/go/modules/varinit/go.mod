// run

// Package-level variables of a package spread over several files are
// initialized in declaration order (files in name order) except that a
// variable waits for the ones its initializer refers to, through
// functions and methods too, whichever file declares them.

module example.com/varinit

go 1.27
