// run
// deft-run: ./cmd/tool -v "two words" last

// `go run ./cmd/tool ARGS`: a command in a subdirectory of the module, run
// from the module's root. os.Args[0] is the executable go run built,
// named after the package's last import path element.

module example.com/cmdtool

go 1.27
