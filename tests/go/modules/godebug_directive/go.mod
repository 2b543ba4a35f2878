// run

// A //go:debug directive in package main overrides the default of the
// module's go version (go 1.27: panic(nil) raises *runtime.PanicNilError)
// for the whole program, also inside another package of the module.

module example.com/godebugdirective

go 1.27
