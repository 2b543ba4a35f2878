// run
// deft-test: -v

module example.com/tm

go 1.27
