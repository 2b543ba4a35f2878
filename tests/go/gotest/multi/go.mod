// errorcheck
// deft-test: -count=1 ./...

module example.com/multi

go 1.27
