// run
// deft-dir: cmd/app
// deft-run: .

// `go run .` from cmd/app, a directory below the module's root: the
// go command finds go.mod by walking up, and the package's import path is
// example.com/subdir/cmd/app (its executable is named app).

module example.com/subdir

go 1.27
