// run
// deft-test: -v

module example.com/allocs

go 1.27
