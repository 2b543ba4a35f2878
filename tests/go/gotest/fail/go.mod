// run
// deft-test:

module example.com/fail

go 1.27
