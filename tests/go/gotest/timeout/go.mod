// run
// deft-test: -timeout=1s

module example.com/timeout

go 1.27
