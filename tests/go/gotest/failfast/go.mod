// run
// deft-test: -failfast -short

module example.com/failfast

go 1.27
