// run

// Build constraints decide which files make a package, in package main and
// in platform/: file names (_linux, _windows, _amd64, _arm64, _test),
// //go:build lines (GOOS, GOARCH, unix, release tags, ignore, negation,
// && and ||), a legacy // +build line, and names starting with _ or .,
// which the go command ignores. Each excluded file would break the build
// (a duplicate or an undefined name) if it were compiled.

module example.com/buildtags

go 1.27
