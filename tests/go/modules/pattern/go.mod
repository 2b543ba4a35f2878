// run
// deft-run: ./cmd/... arg

// `go run PATTERN`: a pattern names the one main package it matches; the
// walk skips _ and testdata directories, and library packages do not
// count.

module example.com/pattern

go 1.22
