// run
// deft-test: -count=1 .

module example.com/panicky

go 1.27
