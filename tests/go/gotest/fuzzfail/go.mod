// run
// deft-test:

module example.com/fuzzfail

go 1.27
