// errorcheck

// A malformed go.mod: an unknown directive, a require without a version,
// and a go line that is not a Go version. The go command reports every
// line and stops.

module example.com/badgomod

go 1.27.x

require example.com/dep

toolchain go1.27.3
exclude example.com/old v1.0.0
modules example.com/other
