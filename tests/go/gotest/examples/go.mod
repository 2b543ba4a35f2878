// run
// deft-test:

module example.com/examples

go 1.27
