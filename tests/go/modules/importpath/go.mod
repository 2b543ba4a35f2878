// run
// deft-run: example.com/importpath/cmd/tool x

// `go run example.com/importpath/cmd/tool x`: the package named by its full
// import path, resolved in the main module.

module example.com/importpath

go 1.27
