// run
// deft-test: -v

module example.com/xtestinternal

go 1.27
