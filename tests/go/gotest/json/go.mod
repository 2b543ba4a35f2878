// run
// deft-test: -json

module example.com/json

go 1.27
