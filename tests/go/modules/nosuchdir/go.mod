// errorcheck
// deft-run: ./cmd/toool

// go run of a directory that does not exist (a typo for ./cmd/tool): the
// go command names the absolute directory it looked for (the harness
// removes the project's directory from it: stat cmd/toool).

module example.com/nosuchdir

go 1.27
