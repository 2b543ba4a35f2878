// run
// deft-flags: -gcflags=-d=defer

// -gcflags=-d=defer applies to the package go run names only (package
// main here, reported as ./main.go), not to the module's other packages.

module example.com/deferflag

go 1.27
