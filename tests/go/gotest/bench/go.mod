// run
// deft-test: -run=^$ -bench=. -benchtime=100x

module example.com/bench

go 1.27
