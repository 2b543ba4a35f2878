// run
// deft-test: ./...

module example.com/nt

go 1.27
