// run

// A module with its dependencies in vendor/: with a vendor/modules.txt
// that agrees with go.mod and a go line of 1.14 or later, the go command
// builds with -mod=vendor by default and takes example.com/greeting (and
// its package loud) from vendor/, never from a module cache.

module example.com/vendored

go 1.27

require example.com/greeting v1.1.0
