// run
// deft-test:

module example.com/pass

go 1.27
