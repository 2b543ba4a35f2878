// errorcheck
// deft-test:

module example.com/bf

go 1.27
