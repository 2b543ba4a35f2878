// run
// deft-flags: -tags=extra,fast

// Build tags given on the command line (-tags=extra,fast) satisfy
// //go:build lines, in package main and in another package of the module.

module example.com/buildtagsflag

go 1.27
