// errorcheck
// deft-run: example.com/nosuchpkg/cmd/toool

// go run of an import path in the main module with no package there (a
// typo for example.com/nosuchpkg/cmd/tool).

module example.com/nosuchpkg

go 1.27
