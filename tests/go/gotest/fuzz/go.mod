// run
// deft-test: -v

module example.com/fuzz

go 1.27
