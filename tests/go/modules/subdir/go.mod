// run
// deft-dir: cmd/app
// deft-run: .

// `go run .` from cmd/app, a directory below the module's root: the
// go command finds go.mod by walking up. Relative imports are resolved in
// the module, and the working directory is cmd/app.

module example.com/subdir

go 1.27
