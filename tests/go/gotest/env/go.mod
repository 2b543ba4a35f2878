// run
// deft-test: -v

module example.com/env

go 1.27
