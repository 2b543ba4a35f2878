// run
// deft-test: -v

module example.com/context

go 1.27
