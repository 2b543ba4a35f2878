// run
// deft-test: -v -cpu=1,2 -run=Test -bench=. -benchtime=10x

module example.com/cpu

go 1.27
