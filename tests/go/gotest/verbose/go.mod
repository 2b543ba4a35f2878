// run
// deft-test: -v

module example.com/verbose

go 1.27
